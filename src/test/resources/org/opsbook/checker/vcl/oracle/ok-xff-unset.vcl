vcl 4.1;

backend default { .host = "127.0.0.1"; }

sub vcl_recv {
    unset req.http.X-Forwarded-For;
    set req.http.X-Real-IP = client.ip;
}
