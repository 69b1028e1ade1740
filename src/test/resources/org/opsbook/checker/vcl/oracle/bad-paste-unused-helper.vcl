sub strip_cookies {
    unset req.http.Cookie;
}
