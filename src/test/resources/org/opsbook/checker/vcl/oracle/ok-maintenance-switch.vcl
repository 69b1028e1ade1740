vcl 4.1;

import std;

backend app {
    .host = "127.0.0.1";
    .port = "8080";
}

acl office {
    "198.51.100.0"/24;
}

sub vcl_recv {
    if (std.file_exists("/etc/varnish/maintenance.on") && client.ip !~ office) {
        return (synth(503, "Down for maintenance"));
    }
}

sub vcl_synth {
    if (resp.status == 503) {
        set resp.http.Retry-After = "600";
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        synthetic("Back soon.");
        return (deliver);
    }
}
