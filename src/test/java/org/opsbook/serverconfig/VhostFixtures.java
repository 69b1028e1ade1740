package org.opsbook.serverconfig;

import java.nio.file.Path;
import java.util.Optional;

final class VhostFixtures {
  private VhostFixtures() {}

  static VhostOptions tls() {
    return new VhostOptions("book.example.org", Path.of("/srv/www/book"), Optional.empty(),
        Optional.of(Path.of("/etc/ssl/book/fullchain.pem")), Optional.of(Path.of("/etc/ssl/book/privkey.pem")),
        31536000, true, false, 300, "/404.html");
  }

  static VhostOptions plain() {
    return new VhostOptions("book.example.org", Path.of("/srv/www/book"), Optional.empty(), Optional.empty(),
        Optional.empty(), 300, false, false, 300, "/404.html");
  }

  static VhostOptions with(VhostOptions o, Path root, String listen, Optional<Path> cert, Optional<Path> key) {
    return new VhostOptions(o.serverName(), root, Optional.of(listen), cert, key, o.hstsMaxAge(),
        o.hstsIncludeSubDomains(), o.hstsPreload(), o.htmlMaxAge(), o.notFoundPage());
  }
}
