vcl 4.1;

probe p1 { .url = "/"; }

backend default { .host = "127.0.0.1"; }
