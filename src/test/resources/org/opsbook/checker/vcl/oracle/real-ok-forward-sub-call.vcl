vcl 4.1;

backend default { .host = "127.0.0.1"; .port = "8080"; }

sub vcl_recv {
    call strip_tracking;
}

sub strip_tracking {
    set req.url = regsuball(req.url, "[?&](fbclid|gclid)=[^&]*", "");
}
