vcl 4.1;

backend web { .host = "192.0.2.5"; }

sub vcl_recv {
    set req.backend = web;
}
