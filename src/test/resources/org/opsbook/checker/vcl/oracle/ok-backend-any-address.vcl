vcl 4.1;

# The application listens on every address of this host; "*" is read as the
# wildcard address, not looked up.
backend app {
    .host = "*";
    .port = "8080";
    .connect_timeout = 2s;
}

sub vcl_recv {
    set req.backend_hint = app;
}
