vcl 4.1;

probe default {
    .url = "/";
}

backend default {
    .host = "127.0.0.1";
    .probe = default;
}
