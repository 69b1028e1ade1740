vcl 4.1;

backend default { .host = "127.0.0.1"; }

sub loop_a { call loop_b; }
sub loop_b { call loop_a; }

sub vcl_recv { call loop_a; }
