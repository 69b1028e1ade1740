vcl 4.1;

backend default { .host = "127.0.0.1"; }

sub vcl_synth {
    if (obj.status == 503) {
        set resp.http.Retry-After = "5";
    }
}
