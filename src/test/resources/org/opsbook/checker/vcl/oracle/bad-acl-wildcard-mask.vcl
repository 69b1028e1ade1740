vcl 4.1;

backend default {
    .host = "192.0.2.20";
    .port = "80";
}

# "Everyone may purge while we test": a wildcard with a mask.
acl purgers {
    "*"/0;
}

sub vcl_recv {
    if (req.method == "PURGE" && client.ip ~ purgers) {
        return (purge);
    }
}
