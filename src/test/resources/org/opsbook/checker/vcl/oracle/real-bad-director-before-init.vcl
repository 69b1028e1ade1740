vcl 4.1;

import directors;

backend a { .host = "192.0.2.1"; }

sub vcl_recv {
    set req.backend_hint = pool.backend();
}

sub vcl_init {
    new pool = directors.round_robin();
    pool.add_backend(a);
}
