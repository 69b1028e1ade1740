vcl 4.1;

import directors;

backend a1 { .host = "10.2.0.1"; }

sub vcl_recv {
    new rr = directors.round_robin();
}
