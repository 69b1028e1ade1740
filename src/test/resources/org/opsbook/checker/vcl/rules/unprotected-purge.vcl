sub vcl_recv {
    if (req.method == "PURGE") {
        # expect: vcl.unprotected-purge
        return (purge);
    }
    if (req.method == "BAN") {
        # expect: vcl.unprotected-purge
        ban("obj.http.X-Url ~ " + req.url);
        return (synth(200, "Banned"));
    }
}
