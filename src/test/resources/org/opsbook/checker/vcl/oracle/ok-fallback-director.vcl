vcl 4.1;

import directors;
import std;

backend primary { .host = "192.0.2.1"; .port = "80"; }
backend spare { .host = "192.0.2.2"; .port = "80"; }

sub vcl_init {
    new chain = directors.fallback(sticky = true);
    chain.add_backend(primary);
    chain.add_backend(spare);
}

sub vcl_recv {
    set req.backend_hint = chain.backend();
    if (!std.healthy(req.backend_hint)) {
        set req.grace = 24h;
    }
}
