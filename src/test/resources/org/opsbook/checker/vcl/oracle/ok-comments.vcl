vcl 4.1; # version

/* A block comment
   over several lines */
backend default { // the only backend
    .host = "127.0.0.1"; # loopback
}
