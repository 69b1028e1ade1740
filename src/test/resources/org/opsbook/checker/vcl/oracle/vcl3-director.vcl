vcl 4.1;

backend a { .host = "10.0.0.1"; }
backend b { .host = "10.0.0.2"; }

director pool round-robin {
    { .backend = a; }
    { .backend = b; }
}
