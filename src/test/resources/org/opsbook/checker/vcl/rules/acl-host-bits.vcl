acl office {
    # expect: vcl.acl
    "192.168.1.10"/24;
}
sub vcl_recv {
    if (client.ip ~ office) {
        return (pass);
    }
}
