vcl 4.1;

backend web { .host = "127.0.0.1"; }

acl web { "127.0.0.1"; }

sub vcl_recv { if (client.ip ~ web) { set req.backend_hint = web; } }
