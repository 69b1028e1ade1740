sub vcl_recv {
    if (req.http.X-Forwarded-For) {
        # expect: vcl.x-forwarded-for
        set req.http.X-Forwarded-For = req.http.X-Forwarded-For + ", " + client.ip;
    } else {
        # expect: vcl.x-forwarded-for
        set req.http.X-Forwarded-For = client.ip;
    }
}
