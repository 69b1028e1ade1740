# A 503 that carries Retry-After, and one left to the built-in vcl_synth, are fine.
sub vcl_recv {
    if (req.url ~ "^/closed") {
        return (synth(503, "Closed"));
    }
    if (req.url ~ "^/maint") {
        return (synth(750));
    }
}
sub vcl_synth {
    if (resp.status == 750) {
        set resp.status = 503;
        set resp.http.Retry-After = "300";
        return (deliver);
    }
}
