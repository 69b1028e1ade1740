package org.opsbook.serverconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.Snippet;
import org.opsbook.testing.ModelAnswers;

/** The generated nginx vhost: clean under opsbook's own checker, and serving as it promises. */
class NginxVhostModelTest {
  private static final String ROOT = "/srv/www/book/current";
  private static final String FILES = ROOT + "/index.html " + ROOT + "/404.html " + ROOT + "/guide/index.html "
      + ROOT + "/assets/app.0123abcd.css " + ROOT + "/feed.xml " + ROOT + "/.publish-marker";

  @Test
  void bothVhostsLintClean() {
    for (VhostOptions o : List.of(VhostFixtures.tls(), VhostFixtures.plain())) {
      var found = CheckerRegistry.load().forLanguage("nginx").orElseThrow()
          .check(Snippet.ofFile("nginx", new NginxVhost().render(o), "vhost.conf"), CheckContext.empty());
      assertEquals(List.of(), found, o.tls() ? "tls" : "plain");
    }
  }

  @Test
  void plainHttpRedirectsToHttpsAndTlsServesWithEveryHeader() {
    ModelAnswers.assertAll("nginx", new NginxVhost().render(VhostFixtures.tls()), """
        GET http://book.example.org/guide/?x=1 => 301 https://book.example.org/guide/?x=1
        GET https://book.example.org/
        => file %1$s/index.html, header Cache-Control "public, max-age=300, must-revalidate",
           header Strict-Transport-Security "max-age=31536000; includeSubDomains",
           header X-Content-Type-Options "nosniff"
        GET https://book.example.org/guide => 301 https://book.example.org/guide/
        GET https://book.example.org/guide/ => file %1$s/guide/index.html
        GET https://book.example.org/assets/app.0123abcd.css
        => file %1$s/assets/app.0123abcd.css, header Cache-Control "public, max-age=31536000, immutable"
        GET https://book.example.org/feed.xml => file %1$s/feed.xml, header Cache-Control "public, max-age=3600"
        GET https://book.example.org/no-such-page
        => 404 file %1$s/404.html, header Strict-Transport-Security "max-age=31536000; includeSubDomains"
        GET https://book.example.org/.publish-marker => 404 file %1$s/404.html
        """.formatted(ROOT), Map.of("files", FILES));
  }

  @Test
  void thePlainVhostSendsNoHsts() {
    ModelAnswers.assertAll("nginx", new NginxVhost().render(VhostFixtures.plain()), """
        GET http://book.example.org/ => file %s/index.html, no header Strict-Transport-Security
        """.formatted(ROOT), Map.of("files", FILES));
  }
}
