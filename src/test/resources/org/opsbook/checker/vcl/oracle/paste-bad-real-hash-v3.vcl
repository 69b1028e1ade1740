sub vcl_hash {
    set req.hash += req.url;
    set req.hash += req.http.host;
    return (hash);
}
