vcl 4.1;

import cookie;

backend default { .host = "127.0.0.1"; }

sub vcl_recv {
    cookie.parse(req.http.Cookie);
    cookie.keep("session,lang");
    set req.http.Cookie = cookie.get_string();
}
