vcl 4.1;

backend default none;

sub vcl_synth {
    set resp.body = """Plain text with "quotes" and
newlines""";
    return (deliver);
}
