vcl 4.0;

backend default { .host = "localhost"; .port = "8080"; }

sub vcl_recv {
    if (req.method == "PURGE") {
        ban("obj.http.X-Magento-Tags ~ " + req.http.X-Magento-Tags-Pattern);
        return (synth(200));
    }
    if (req.http.X-Forwarded-Proto !~ "https") {
        set req.http.X-Forwarded-Proto = "http";
    }
}

sub vcl_backend_response {
    set beresp.ttl = 86400s;
    set beresp.http.X-Url = req.url;
}
