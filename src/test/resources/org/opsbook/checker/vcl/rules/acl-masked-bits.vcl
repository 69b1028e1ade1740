# With -pedantic VCC accepts the entry and widens it to the network.
acl office -pedantic {
    # expect: vcl.acl-masked-bits
    "192.168.1.10"/24;
}
sub vcl_recv {
    if (client.ip ~ office) {
        return (pass);
    }
}
