sub vcl_pass {
    return (pass);
}
