vcl 4.1;

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8080";
}

sub vcl_recv {
    if (std.integer(req.http.X-Api-Version, 1) > 2) {
        return (synth(400, "Unsupported API version"));
    }
    set req.url = std.querysort(req.url);
    if (std.port(server.ip) == 8443) {
        set req.http.X-Forwarded-Proto = "https";
    }
    std.log("recv " + req.url);
}
