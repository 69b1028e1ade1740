vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "STUB_PORT";
}

acl purgers {
    "127.0.0.1";
    "192.0.2.0"/24;
    !"192.0.2.66";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.url ~ "^/teapot") {
        return (synth(418));
    }
    if (req.url ~ "^/broken") {
        return (fail);
    }
    if (req.url ~ "^/moved") {
        return (synth(301, "Moved"));
    }
}

sub vcl_synth {
    if (resp.status == 301) {
        set resp.http.Location = "https://www.example.org" + req.url;
        return (deliver);
    }
    if (resp.status == 418) {
        set resp.status = 200;
        set resp.http.X-Brewed = "yes";
    }
}
