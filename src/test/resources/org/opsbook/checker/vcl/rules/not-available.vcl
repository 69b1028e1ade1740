sub vcl_recv {
    # expect: vcl.not-available
    set beresp.ttl = 1h;
}
