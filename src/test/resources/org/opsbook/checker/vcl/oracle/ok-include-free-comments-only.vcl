vcl 4.1;
# nothing but a backend
backend default { .host = "127.0.0.1"; .port = "http"; }
