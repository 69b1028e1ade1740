vcl 4.1;

backend default { .host = "192.0.2.20"; .port = "80"; }

sub vcl_recv {
    # A header name left empty when the template was filled in.
    set req.http."" = "1";
}
