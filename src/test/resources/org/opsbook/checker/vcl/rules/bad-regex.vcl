sub vcl_recv {
    # expect: vcl.bad-regex
    if (req.url ~ "^/(images|css") {
        return (hash);
    }
}
