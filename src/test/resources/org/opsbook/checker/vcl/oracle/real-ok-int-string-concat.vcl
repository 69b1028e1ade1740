vcl 4.1;

backend default { .host = "127.0.0.1"; .port = "8080"; }

sub vcl_deliver {
    set resp.http.X-Info = "restarts=" + req.restarts + " status=" + resp.status + " backend=" + req.backend_hint;
    set resp.http.X-Esi = req.esi_level;
    set resp.http.X-Can-Gzip = req.can_gzip;
}
