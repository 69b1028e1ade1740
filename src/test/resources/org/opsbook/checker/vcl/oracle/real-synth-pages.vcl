vcl 4.1;

backend default { .host = "127.0.0.1"; .port = "8080"; }

sub vcl_recv {
    if (req.http.host ~ "^www\.") {
        set req.http.X-Redirect-To = "https://" + regsub(req.http.host, "^www\.", "") + req.url;
        return (synth(301));
    }
    if (req.url == "/robots.txt") {
        return (synth(200, "robots"));
    }
}

sub vcl_synth {
    if (resp.status == 301 && req.http.X-Redirect-To) {
        set resp.http.Location = req.http.X-Redirect-To;
        return (deliver);
    }
    if (resp.status == 200 && resp.reason == "robots") {
        set resp.reason = "OK";
        set resp.http.Content-Type = "text/plain";
        synthetic({"User-agent: *
Disallow: /admin/
"});
        return (deliver);
    }
}
