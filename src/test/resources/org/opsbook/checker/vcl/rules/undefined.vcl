sub vcl_recv {
    # expect: vcl.undefined
    if (client.ip ~ admins) {
        return (pass);
    }
}
