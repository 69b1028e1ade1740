sub vcl_hash {
    hash_data(req.url);
    return (hash);
}
