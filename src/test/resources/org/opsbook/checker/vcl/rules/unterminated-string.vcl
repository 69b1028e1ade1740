sub vcl_recv {
    # expect: vcl.unterminated-string
    set req.http.X = "no end;
}
