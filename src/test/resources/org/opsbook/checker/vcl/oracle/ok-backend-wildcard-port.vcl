vcl 4.1;

# "*" as the port is read as no port at all.
backend default {
    .host = "192.0.2.20";
    .port = "*";
}
