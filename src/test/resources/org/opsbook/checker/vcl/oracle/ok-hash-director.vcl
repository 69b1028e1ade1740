vcl 4.1;

import directors;

backend s1 { .host = "10.1.0.1"; }
backend s2 { .host = "10.1.0.2"; }

sub vcl_init {
    new sticky = directors.hash();
    sticky.add_backend(s1, 1.0);
    sticky.add_backend(s2, 1.0);
}

sub vcl_recv {
    set req.backend_hint = sticky.backend(req.http.Cookie);
}
