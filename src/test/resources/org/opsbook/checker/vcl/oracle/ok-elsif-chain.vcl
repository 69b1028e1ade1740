vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8080";
}

sub vcl_recv {
    if (req.http.User-Agent ~ "(?i)bot|crawler|spider") {
        set req.http.X-Class = "bot";
    } elsif (req.http.User-Agent ~ "(?i)mobile") {
        set req.http.X-Class = "mobile";
    } elseif (req.http.User-Agent ~ "(?i)tablet") {
        set req.http.X-Class = "tablet";
    } else {
        set req.http.X-Class = "desktop";
    }
}
