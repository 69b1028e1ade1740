vcl 4.1;

backend first { .host = "127.0.0.1"; }
backend second { .host = "127.0.0.2"; }
