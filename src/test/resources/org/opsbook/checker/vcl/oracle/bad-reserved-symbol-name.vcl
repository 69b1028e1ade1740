vcl 4.1;

backend vcl_web { .host = "127.0.0.1"; }
