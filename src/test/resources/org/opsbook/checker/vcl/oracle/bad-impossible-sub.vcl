vcl 4.1;

backend default { .host = "127.0.0.1"; }

sub both {
    set req.http.X = beresp.http.Y;
}

sub vcl_recv { return (hash); }
