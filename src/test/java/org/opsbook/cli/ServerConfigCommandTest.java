package org.opsbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerConfigCommandTest {

  @Test
  void printsAnNginxVhostRootedAtCurrent() {
    CommandRunner r = CommandRunner.run(new ServerConfigCommand(), "nginx", "--server-name", "book.example.org", "--root", "/srv/www/book");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("    root /srv/www/book/current;\n"), r.out());
  }

  @Test
  void serverNameAndHstsMaxAgeDefaultToTheSiteConfiguration(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    java.nio.file.Path yaml = tmp.resolve("opsbook.yaml");
    java.nio.file.Files.writeString(yaml, "title: Runbooks\nbase_url: https://runbooks.example.net/\nhsts_max_age: 604800\n");
    CommandRunner r = CommandRunner.run(new ServerConfigCommand(), "nginx", "--config", yaml.toString(), "--root", "/srv/www/book",
        "--tls-cert", "/etc/ssl/c.pem", "--tls-key", "/etc/ssl/k.pem");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("    server_name runbooks.example.net;\n"), r.out());
    assertTrue(r.out().contains("add_header Strict-Transport-Security \"max-age=604800\" always;"), r.out());
  }

  @Test
  void withoutServerNameOrBaseUrlItAsksForOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
    CommandRunner r = CommandRunner.run(new ServerConfigCommand(), "nginx", "--config", tmp.resolve("none.yaml").toString(),
        "--root", "/srv/www/book");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("server-config: give --server-name, or set base_url in "), r.err());
  }

  @Test
  void unknownServerIsAUsageError() {
    CommandRunner r = CommandRunner.run(new ServerConfigCommand(), "caddy", "--server-name", "a.example", "--root", "/srv");
    assertEquals(2, r.exit());
    assertEquals("server-config: unknown server 'caddy'; choose one of nginx, apache\n", r.err());
  }

  @Test
  void everyProblemWithTheOptionsIsReported() {
    CommandRunner r = CommandRunner.run(new ServerConfigCommand(), "apache", "--server-name", "a.example", "--root", "/srv",
        "--hsts-preload", "--tls-cert", "/c.pem");
    assertEquals(2, r.exit());
    assertEquals(2, r.err().lines().count(), r.err());
    assertEquals("", r.out());
  }
}
