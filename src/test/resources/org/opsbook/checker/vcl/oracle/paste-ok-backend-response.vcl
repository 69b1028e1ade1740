sub vcl_backend_response {
    if (bereq.url ~ "^/api/") {
        set beresp.ttl = 10s;
    }
}
