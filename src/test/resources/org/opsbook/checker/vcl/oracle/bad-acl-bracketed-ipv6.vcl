vcl 4.1;

backend default {
    .host = "192.0.2.20";
    .port = "80";
}

acl editors {
    "198.51.100.0"/24;
    "[2001:db8:10::1]";
}

sub vcl_recv {
    if (req.url ~ "^/wp-admin" && client.ip !~ editors) {
        return (synth(403, "Forbidden"));
    }
}
