sub vcl_recv {
    if (req.url ~ "^/closed") {
        # expect: vcl.synth-503-without-retry-after
        return (synth(503, "Closed"));
    }
    if (req.url ~ "^/gone") {
        return (synth(410));
    }
}
sub vcl_synth {
    set resp.http.Content-Type = "text/plain";
    synthetic("Sorry.");
    return (deliver);
}
