vcl 4.1;
import std;
import directors;
backend web1 { .host = "192.0.2.11"; .port = "8080"; }
backend web2 { .host = "192.0.2.12"; .port = "8080"; }
acl purgers { "127.0.0.1"; }
sub vcl_init {
    new pool = directors.round_robin();
    pool.add_backend(web1);
    pool.add_backend(web2);
}
sub vcl_recv {
    set req.backend_hint = pool.backend();
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405));
        }
        return (purge);
    }
    if (req.url ~ "^/admin") {
        return (pass);
    }
    set req.url = std.querysort(req.url);
}
sub vcl_synth {
    if (resp.status == 503) {
        set resp.http.Retry-After = "30";
    }
}
