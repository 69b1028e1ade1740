sub vcl_recv {
    # expect: vcl.unknown-symbol
    set req.urll = "/";
}
