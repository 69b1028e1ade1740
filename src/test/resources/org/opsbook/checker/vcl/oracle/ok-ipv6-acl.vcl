vcl 4.1;

backend default { .host = "::1"; .port = "8080"; }

acl trusted {
    "2001:db8::"/32;
    "::1";
    "10.0.0.0"/8;
    "172.16"/12;
}

sub vcl_recv {
    if (client.ip ~ trusted) {
        set req.http.X-Trusted = "yes";
    } else {
        unset req.http.X-Trusted;
    }
}
