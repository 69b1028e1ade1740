vcl 4.1;

backend default { .host = "127.0.0.1"; .port = "8080"; }
backend other { .host = "127.0.0.2"; .port = "8080"; }

sub vcl_recv {
    if (req.url ~ "^/other") {
        set req.backend_hint = other;
    }
    if (req.backend_hint == default) {
        set req.http.X-Default = "1";
    }
}
