sub vcl_recv {
    # expect: vcl.bad-return
    return (deliver);
}
