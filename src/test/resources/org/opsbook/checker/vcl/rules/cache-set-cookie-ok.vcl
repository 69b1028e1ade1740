sub vcl_backend_response {
    if (bereq.url ~ "\.(css|js|png)$") {
        unset beresp.http.Set-Cookie;
        set beresp.ttl = 7d;
        return (deliver);
    }
    if (beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        return (deliver);
    }
}
