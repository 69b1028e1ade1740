vcl 4.1;

import std;

backend web {
    .host = "127.0.0.1";
    .port = "STUB_PORT";
}

sub vcl_recv {
    set req.http.Host = regsub(req.http.Host, ":[0-9]+$", "");
    set req.url = regsuball(req.url, "(utm_[a-z]+|gclid)=[^&]*&?", "");
    set req.url = regsub(req.url, "[?&]$", "");
    set req.url = std.querysort(req.url);
    if (req.url ~ "(?i)\.(css|js|png|jpe?g|svg)(\?.*)?$") {
        unset req.http.Cookie;
    }
    if (req.http.Cookie) {
        set req.http.Cookie = regsuball(req.http.Cookie, "(^|;\s*)_ga[^;]*", "");
        set req.http.Cookie = regsub(req.http.Cookie, "^;\s*", "");
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
    if (!req.http.X-Forwarded-Proto) {
        set req.http.X-Forwarded-Proto = "http";
    }
    set req.http.X-Method = std.tolower(req.method);
    set req.http.X-Agent-Class = "other";
    if (req.http.User-Agent ~ "(?i)bot|crawler") {
        set req.http.X-Agent-Class = "bot";
    } elsif (std.strstr(req.http.User-Agent, "Mobile")) {
        set req.http.X-Agent-Class = "mobile";
    }
}

sub vcl_hash {
    if (req.http.X-Forwarded-Proto) {
        hash_data(req.http.X-Forwarded-Proto);
    }
}
