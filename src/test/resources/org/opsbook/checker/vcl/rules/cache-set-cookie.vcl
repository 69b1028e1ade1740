sub vcl_backend_response {
    if (beresp.status == 200) {
        set beresp.ttl = 1h;
        # expect: vcl.cache-set-cookie
        return (deliver);
    }
}
