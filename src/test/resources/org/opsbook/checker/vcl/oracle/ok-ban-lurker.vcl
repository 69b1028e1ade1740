vcl 4.1;

acl invalidators {
    "127.0.0.1";
}

backend default {
    .host = "127.0.0.1";
    .port = "8080";
}

sub vcl_recv {
    if (req.method == "BAN") {
        if (!client.ip ~ invalidators) {
            return (synth(403, "Forbidden"));
        }
        ban("obj.http.X-Url ~ " + req.url);
        return (synth(200, "Banned"));
    }
}

sub vcl_backend_response {
    set beresp.http.X-Url = bereq.url;
}

sub vcl_deliver {
    unset resp.http.X-Url;
}
