# expect: vcl.recursion
sub loop_a { call loop_b; }
sub loop_b { call loop_a; }
sub vcl_recv { call loop_a; }
