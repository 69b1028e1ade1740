sub vcl_recv {
    # expect: vcl.type-mismatch
    if (req.http.X-Count > 3) {
        return (pass);
    }
}
