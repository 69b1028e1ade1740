vcl 4.1;

backend default {
    .host = "192.0.2.20";
    .port = "80";
}

# "*" is not "everyone": the resolver turns it into the loopback addresses,
# which the first entry already names.
acl local_purge {
    "127.0.0.1";
    !"*";
}

sub vcl_recv {
    if (req.method == "PURGE" && client.ip ~ local_purge) {
        return (purge);
    }
}
