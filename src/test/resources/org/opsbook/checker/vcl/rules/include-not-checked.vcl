vcl 4.1;
backend default { .host = "127.0.0.1"; }
# expect: vcl.include-not-checked
include "backends.vcl";
sub vcl_recv {
    set req.backend_hint = images;
}
