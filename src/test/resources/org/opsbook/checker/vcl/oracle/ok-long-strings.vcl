vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8080";
}

sub vcl_synth {
    set resp.http.Content-Type = "text/html; charset=utf-8";
    set resp.body = {"<!doctype html>
<title>"} + resp.status + {"</title>
<p>Something went wrong; "quotes" are fine here.</p>
"};
    return (deliver);
}
