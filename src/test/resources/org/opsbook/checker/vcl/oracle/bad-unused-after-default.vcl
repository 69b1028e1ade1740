vcl 4.1;

backend web { .host = "127.0.0.1"; }
backend default { .host = "127.0.0.2"; }
