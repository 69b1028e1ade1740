vcl 4.1;

import blob;

backend default { .host = "127.0.0.1"; }

sub vcl_deliver {
    set resp.http.X-Hash = blob.encode(HEX, blob=req.hash);
}
