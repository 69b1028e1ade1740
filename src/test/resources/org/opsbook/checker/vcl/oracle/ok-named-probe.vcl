vcl 4.1;

probe healthcheck {
    .request =
        "HEAD /status HTTP/1.1"
        "Host: app.example.org"
        "Connection: close";
    .expected_response = 204;
    .interval = 10s;
    .initial = 2;
}

backend app {
    .host = "203.0.113.7";
    .port = "8080";
    .probe = healthcheck;
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 5s;
    .max_connections = 200;
}
