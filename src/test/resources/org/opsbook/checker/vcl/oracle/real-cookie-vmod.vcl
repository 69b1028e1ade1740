vcl 4.1;

import cookie;
import std;

backend default { .host = "127.0.0.1"; .port = "8080"; }

sub vcl_recv {
    if (req.http.Cookie) {
        cookie.parse(req.http.Cookie);
        cookie.keep_re("^(session|cart|lang)$");
        set req.http.Cookie = cookie.get_string();
        if (cookie.isset("lang")) {
            set req.http.X-Lang = cookie.get("lang");
        }
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
}
