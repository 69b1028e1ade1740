vcl 4.2;

backend default { .host = "127.0.0.1"; }
