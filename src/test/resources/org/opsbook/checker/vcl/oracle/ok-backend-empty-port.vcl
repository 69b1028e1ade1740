vcl 4.1;

# A template left the port empty; VCC's resolver takes an empty service
# without complaint, so this compiles.
backend default {
    .host = "192.0.2.20";
    .port = "";
}
