sub vcl_recv {
    if (req.url ~ "^/static/") {
        # expect: vcl.vcl3
        return (lookup);
    }
}
