vcl 4.1;

import std;
import directors;

probe api_health {
    .url = "/status";
    .expected_response = 200;
    .interval = 3s;
    .timeout = 1s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}

backend api1 { .host = "10.10.0.11"; .port = "9000"; .probe = api_health; }
backend api2 { .host = "10.10.0.12"; .port = "9000"; .probe = api_health; }

sub vcl_init {
    new apis = directors.random();
    apis.add_backend(api1, 1.0);
    apis.add_backend(api2, 2.0);
}

sub vcl_recv {
    set req.backend_hint = apis.backend();
    if (req.http.Authorization && req.url !~ "^/public/") {
        return (pass);
    }
    if (req.url ~ "^/v[0-9]+/stream") {
        return (pipe);
    }
    set req.http.X-Request-Start = "t=" + std.time2real(now, 0.0);
    unset req.http.Cookie;
}

sub vcl_backend_response {
    if (beresp.http.Cache-Control !~ "max-age") {
        set beresp.ttl = std.duration(beresp.http.X-Ttl, 30s);
    }
    set beresp.http.X-Backend = beresp.backend.name;
    unset beresp.http.Set-Cookie;
}

sub vcl_deliver {
    set resp.http.X-Age = obj.age;
    set resp.http.X-Ttl-Left = obj.ttl;
}
