vcl 4.1;

backend default {
    .host = "192.0.2.20";
    .port = "80";
}

# Short and hexadecimal forms: "10.1" is 10.1.0.0/16 by VCC's own reading,
# "0x7f.1" is 127.0.0.1 by the resolver's.
acl internal {
    "10.1";
    "0x7f.1";
    "172.16.0.0"/12;
}

sub vcl_recv {
    if (req.url ~ "^/internal/" && client.ip !~ internal) {
        return (synth(403));
    }
}
