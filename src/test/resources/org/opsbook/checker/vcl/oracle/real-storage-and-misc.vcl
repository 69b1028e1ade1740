vcl 4.1;

import std;

backend default { .host = "127.0.0.1"; .port = "8080"; }

sub vcl_backend_response {
    if (storage.s0.free_space < 100MB) {
        set beresp.storage = storage.Transient;
        set beresp.ttl = 30s;
    }
    set beresp.http.X-Free = storage.s0.free_space;
    if (std.integer(beresp.http.Content-Length, 0) > 50000000) {
        set beresp.do_stream = true;
        set beresp.uncacheable = true;
    }
}

sub vcl_deliver {
    set resp.http.X-Server = server.identity;
    set resp.http.X-Client-Port = std.port(client.ip);
    set resp.http.X-Now = now;
    set resp.http.X-Hits-Plus = obj.hits + 1;
    if (req.http.X-Debug == "1") {
        std.log("debug on for " + client.ip);
    }
}
