vcl 4.1;
backend default {
    # expect: vcl.host-name
    .host = "app.internal.example";
    .port = "8080";
}
