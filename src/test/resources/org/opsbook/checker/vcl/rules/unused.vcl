vcl 4.1;
backend default { .host = "127.0.0.1"; }
# expect: vcl.unused
acl nobody {
    "192.0.2.1";
}
