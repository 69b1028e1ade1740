vcl 4.1;

backend default { .host = "127.0.0.1"; .port = "8080"; }

sub vcl_recv {
    if (req.url ~ "^/(?!static/|assets/)[^?]*\.php(\?|$)") {
        return (pass);
    }
    if (req.http.User-Agent ~ "(?i)^(?=.*android)(?=.*mobile)") {
        set req.http.X-Device = "android-phone";
    }
    set req.http.X-Path = regsub(req.url, "^(?<path>[^?]*).*$", "\1");
}
