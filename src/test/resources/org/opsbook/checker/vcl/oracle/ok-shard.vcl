vcl 4.1;

import directors;

backend a1 { .host = "10.2.0.1"; }
backend a2 { .host = "10.2.0.2"; }

sub vcl_init {
    new ring = directors.shard();
    ring.add_backend(a1);
    ring.add_backend(a2);
    ring.reconfigure();
}

sub vcl_recv {
    set req.backend_hint = ring.backend(by = URL);
}
