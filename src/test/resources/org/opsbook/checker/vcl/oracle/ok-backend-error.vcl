vcl 4.1;

backend default { .host = "127.0.0.1"; }

sub vcl_backend_error {
    set beresp.http.Content-Type = "text/plain";
    set beresp.http.Retry-After = "30";
    set beresp.body = "The application is not answering.";
    return (deliver);
}
