vcl 4.1;

import std;

backend default { .host = "127.0.0.1"; }

sub vcl_recv {
    if (req.method == "POST") {
        std.cache_req_body(1MB);
    }
}

sub vcl_backend_response {
    set beresp.ttl = 1h + 30m;
    set beresp.keep = 2d;
    if (beresp.http.Content-Length && std.bytes(beresp.http.Content-Length, 0B) > 10MB) {
        set beresp.do_stream = true;
    }
}
