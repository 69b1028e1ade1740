sub vcl_deliver {
    set beresp.http.X = "1";
}
