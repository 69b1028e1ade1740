vcl 4.1;

import directors;

backend c1 { .host = "192.0.2.21"; }
backend c2 { .host = "192.0.2.22"; }
backend c3 { .host = "192.0.2.23"; }

sub vcl_init {
    new ring = directors.shard();
    ring.add_backend(c1);
    ring.add_backend(c2);
    ring.add_backend(c3);
    ring.set_warmup(0.1);
    ring.set_rampup(30s);
    ring.reconfigure();
}

sub vcl_recv {
    set req.backend_hint = ring.backend(by = URL, healthy = CHOSEN);
    set req.http.X-Shard = req.backend_hint.resolve();
}

sub vcl_backend_fetch {
    set bereq.backend = ring.backend(resolve = LAZY);
}
