vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8080";
}

sub vcl_deliver {
    if (resp.status == 404 && req.restarts == 0) {
        set req.url = "/404.html";
        return (restart);
    }
}
