vcl 4.1;

import std;

backend app {
    .host = "127.0.0.1";
    .port = "STUB_PORT";
}

acl admins {
    "198.51.100.0"/24;
    "2001:db8:7::"/48;
}

sub vcl_recv {
    if (std.file_exists("SCRATCH/maintenance.on")) {
        if (req.url == "/__bypass/secret") {
            return (synth(751));
        }
        if (client.ip ~ admins || req.http.Cookie ~ "(^|;\s*)bypass=ok(;|$)") {
            return (pass);
        }
        if (req.url ~ "^/healthz(\?|$)" || req.url ~ "^/api/hooks/") {
            return (pass);
        }
        return (synth(750));
    }
}

sub vcl_synth {
    if (resp.status == 750) {
        set resp.status = 503;
        set resp.reason = "Service Unavailable";
        set resp.http.Retry-After = "900";
        set resp.http.Cache-Control = "no-store";
        set resp.body = "down";
        return (deliver);
    }
    if (resp.status == 751) {
        set resp.status = 302;
        set resp.http.Location = "/";
        set resp.http.Set-Cookie = "bypass=ok; Path=/; HttpOnly";
        set resp.http.Cache-Control = "no-store";
        return (deliver);
    }
}
