sub vcl_recv {
    # expect: vcl.regex-unchecked
    if (req.url ~ "^(\((?1)*\))$") {
        return (pass);
    }
}
