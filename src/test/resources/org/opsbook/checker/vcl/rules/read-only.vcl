sub vcl_recv {
    # expect: vcl.read-only
    set client.ip = "10.0.0.1";
}
