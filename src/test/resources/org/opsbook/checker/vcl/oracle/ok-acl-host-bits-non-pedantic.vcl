vcl 4.1;

backend default { .host = "127.0.0.1"; }

acl office -pedantic {
    "192.168.1.10"/24;
}

sub vcl_recv {
    if (client.ip ~ office) {
        return (pass);
    }
}
