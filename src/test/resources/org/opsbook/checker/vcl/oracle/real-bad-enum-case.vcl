vcl 4.1;

import directors;

backend c1 { .host = "192.0.2.21"; }

sub vcl_init {
    new ring = directors.shard();
    ring.add_backend(c1);
}

sub vcl_recv {
    set req.backend_hint = ring.backend(by = url);
}
