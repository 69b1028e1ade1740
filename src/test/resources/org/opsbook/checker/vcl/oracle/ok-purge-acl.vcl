vcl 4.1;

backend default {
    .host = "192.0.2.20";
    .port = "80";
}

acl purgers {
    "localhost";
    "192.0.2.0"/24;
    !"192.0.2.13";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
}
