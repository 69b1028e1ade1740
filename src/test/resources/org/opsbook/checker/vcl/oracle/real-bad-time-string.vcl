vcl 4.1;

backend default { .host = "127.0.0.1"; .port = "8080"; }

sub vcl_deliver {
    if (resp.http.X-Age > 10s) {
        set resp.http.X-Old = "1";
    }
}
