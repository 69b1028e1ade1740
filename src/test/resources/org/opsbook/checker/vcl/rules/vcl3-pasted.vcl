# A pasted VCL 3 subroutine: checked behind vcl 4.1 and a default backend.
sub vcl_recv {
    # expect: vcl.vcl3
    if (req.request != "GET") {
        return (pass);
    }
    # expect: vcl.vcl3
    return (lookup);
}
