sub vcl_fetch {
    if (beresp.status == 500) {
        set beresp.saintmode = 10s;
        return (restart);
    }
    set beresp.grace = 6h;
}

sub vcl_error {
    set obj.http.Content-Type = "text/html; charset=utf-8";
    synthetic {"<html><body>Error "} + obj.status + {"</body></html>"};
    return (deliver);
}
