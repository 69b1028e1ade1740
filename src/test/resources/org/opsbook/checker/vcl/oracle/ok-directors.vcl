vcl 4.1;

import directors;

backend web1 {
    .host = "10.0.0.11";
    .port = "8080";
    .probe = {
        .url = "/healthz";
        .interval = 5s;
        .timeout = 1s;
        .window = 5;
        .threshold = 3;
    }
}

backend web2 {
    .host = "10.0.0.12";
    .port = "8080";
}

sub vcl_init {
    new pool = directors.round_robin();
    pool.add_backend(web1);
    pool.add_backend(web2);
}

sub vcl_recv {
    set req.backend_hint = pool.backend();
}
