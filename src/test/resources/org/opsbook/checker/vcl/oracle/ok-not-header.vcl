vcl 4.1;

backend default { .host = "127.0.0.1"; }

sub vcl_recv {
    if (!req.http.Accept-Language) {
        set req.http.Accept-Language = "en";
    }
    set req.http.X-Lang = req.http.Accept-Language;
}
