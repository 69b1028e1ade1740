acl local {
    "127.0.0.1";
}

sub vcl_recv {
    if (client.ip ~ local) {
        return (pass);
    }
}
