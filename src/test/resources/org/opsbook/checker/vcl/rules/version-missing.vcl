# A backend and no vcl line: a whole file of VCL 3.
# expect: vcl.version
backend default {
    .host = "127.0.0.1";
}
sub vcl_recv {
    # expect: vcl.vcl3
    if (req.request == "PURGE") {
        # expect: vcl.vcl3
        error 405 "Not allowed";
    }
}
