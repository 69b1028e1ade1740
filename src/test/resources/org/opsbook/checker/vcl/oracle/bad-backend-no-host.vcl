vcl 4.1;

backend default {
    .port = "8080";
}
