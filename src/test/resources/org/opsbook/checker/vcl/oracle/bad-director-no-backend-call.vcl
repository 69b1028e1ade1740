vcl 4.1;

import directors;

backend a1 { .host = "10.2.0.1"; }

sub vcl_init {
    new rr = directors.round_robin();
    rr.add_backend(a1);
}

sub vcl_recv {
    set req.backend_hint = rr;
}
