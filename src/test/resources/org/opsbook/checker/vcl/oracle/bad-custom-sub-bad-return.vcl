vcl 4.1;

backend default { .host = "127.0.0.1"; }

sub check_admin {
    if (req.url ~ "^/admin") {
        return (lookup);
    }
}

sub vcl_recv {
    call check_admin;
}
