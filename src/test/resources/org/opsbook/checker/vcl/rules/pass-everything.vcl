sub vcl_recv {
    set req.http.X-Seen = "1";
    # expect: vcl.pass-everything
    return (pass);
}
