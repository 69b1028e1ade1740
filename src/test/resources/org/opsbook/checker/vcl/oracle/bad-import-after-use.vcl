vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8080";
}

sub normalize_host {
    set req.http.Host = regsub(req.http.Host, ":[0-9]+$", "");
    set req.http.Host = std.tolower(req.http.Host);
}

import std;

sub vcl_recv {
    call normalize_host;
}
