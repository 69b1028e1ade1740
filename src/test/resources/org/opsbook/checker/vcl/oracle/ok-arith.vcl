vcl 4.1;

backend default { .host = "127.0.0.1"; }

sub vcl_deliver {
    set resp.http.X-Age-Minutes = obj.age / 60;
    set resp.http.X-Restarts = req.restarts + 1;
    set resp.http.X-Modulo = req.restarts % 2;
}
