vcl 4.1;

backend default { .host = "127.0.0.1"; .port = "8080"; }

sub vcl_backend_fetch {
    set bereq.http.X-Client = client.ip;
    set req.http.X-Seen = "1";
}
