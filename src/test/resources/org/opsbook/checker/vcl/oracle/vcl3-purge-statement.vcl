vcl 4.1;

backend default { .host = "127.0.0.1"; }

sub vcl_hit {
    if (req.method == "PURGE") {
        purge;
        return (synth(200, "Purged"));
    }
}
