vcl 4.1;

backend default { .host = "127.0.0.1"; }

sub vcl_error {
    set obj.http.Content-Type = "text/html";
    synthetic {"<h1>Error</h1>"};
    return (deliver);
}
