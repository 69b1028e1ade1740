vcl 4.1;
import directors;
backend a1 { .host = "10.2.0.1"; }
sub vcl_init {
    new ring = directors.shard();
    ring.add_backend(a1);
}
sub vcl_recv {
    # expect: vcl.argument
    set req.backend_hint = ring.backend(by = PATH);
}
