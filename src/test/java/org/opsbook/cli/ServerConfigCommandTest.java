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
