sub vcl_recv {
    remove req.http.Cookie;
}
