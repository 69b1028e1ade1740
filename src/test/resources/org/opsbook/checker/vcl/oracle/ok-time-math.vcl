vcl 4.1;

backend default { .host = "127.0.0.1"; }

sub vcl_deliver {
    if (now - obj.time > 1h) {
        set resp.http.X-Old = "yes";
    }
}
