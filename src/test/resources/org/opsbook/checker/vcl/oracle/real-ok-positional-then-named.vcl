vcl 4.1;

import std;

backend default { .host = "127.0.0.1"; .port = "8080"; }

sub vcl_backend_response {
    set beresp.ttl = std.duration(beresp.http.X-Ttl, fallback = 30s);
}
