vcl 4.1;

backend default { .host = "127.0.0.1"; }

sub tidy { unset req.http.X; }
sub tidy { unset req.http.Y; }

sub vcl_recv { call tidy; }
