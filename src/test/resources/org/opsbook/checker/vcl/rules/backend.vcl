vcl 4.1;
backend default {
    .host = "127.0.0.1";
    # expect: vcl.backend
    .timeout = 5s;
}
