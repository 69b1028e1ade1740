vcl 4.1;

backend default {
    .host = "192.0.2.20";
    .port = "80";
}

sub vcl_recv {
    # The resolver reads a port after the address, and drops it for the comparison.
    if (server.ip == "192.0.2.254:8443" || server.ip == "[2001:db8::fe]:8443") {
        set req.http.X-Forwarded-Proto = "https";
    }
}
