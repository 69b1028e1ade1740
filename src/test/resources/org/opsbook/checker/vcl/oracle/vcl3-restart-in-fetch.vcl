vcl 4.1;

backend default { .host = "127.0.0.1"; }

sub vcl_backend_response {
    if (beresp.status == 503) {
        return (restart);
    }
}
