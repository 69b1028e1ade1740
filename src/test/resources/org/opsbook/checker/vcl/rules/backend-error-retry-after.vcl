sub vcl_backend_error {
    set beresp.http.Content-Type = "text/plain";
    set beresp.body = "The application is down.";
    # expect: vcl.synth-503-without-retry-after
    return (deliver);
}
