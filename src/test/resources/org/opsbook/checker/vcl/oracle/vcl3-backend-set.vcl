vcl 4.1;

backend default {
    set backend.host = "127.0.0.1";
}
