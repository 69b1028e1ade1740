vcl 4.1;

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

sub vcl_backend_response {
    set beresp.grace = 6h;
    if (beresp.status >= 500) {
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
}

sub vcl_deliver {
    set resp.http.X-Cache-Hits = obj.hits;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
