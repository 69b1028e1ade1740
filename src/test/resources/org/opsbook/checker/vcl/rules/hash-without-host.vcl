sub vcl_hash {
    hash_data(req.url);
    # expect: vcl.hash-without-host
    return (lookup);
}
