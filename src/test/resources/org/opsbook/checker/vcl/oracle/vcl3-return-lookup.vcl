sub vcl_recv {
    if (req.url ~ "^/static/") {
        return (lookup);
    }
}
