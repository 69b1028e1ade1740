sub vcl_recv {
    if (req.url ~ "^/private") {
        error 403 "Forbidden";
    }
}
