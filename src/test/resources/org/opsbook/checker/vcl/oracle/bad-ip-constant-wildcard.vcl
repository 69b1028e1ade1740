vcl 4.1;

backend default {
    .host = "192.0.2.20";
    .port = "80";
}

sub vcl_recv {
    # An IP constant names one address; "*" resolves to several.
    if (client.ip == "*") {
        return (pass);
    }
}
