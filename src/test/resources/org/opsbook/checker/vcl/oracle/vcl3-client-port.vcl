vcl 4.1;

backend default { .host = "127.0.0.1"; }

sub vcl_recv {
    if (server.port == 443) {
        set req.http.X-Proto = "https";
    }
}
