vcl 4.1;

backend default {
    .host = "192.0.2.20";
    .port = "80";
}

# The monitoring host's address was pasted with its port.
acl monitoring {
    "192.0.2.10:8080";
    "192.0.2.11";
}

sub vcl_recv {
    if (req.url == "/varnish-status" && client.ip ~ monitoring) {
        return (synth(200, "OK"));
    }
}
