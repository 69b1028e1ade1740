# An excerpt of a larger file: its ACL and the std import are elsewhere.
# snippet: fragment
sub vcl_recv {
    if (std.file_exists("/etc/varnish/maintenance.on")) {
        if (client.ip ~ office) {
            return (pass);
        }
        return (synth(503, "Maintenance"));
    }
}
