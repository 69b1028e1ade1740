package org.opsbook.checker.apache.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Comparison;

class AnswerFormatTest {
  private static final String FULL = "503 file /var/www/m/index.html, vhost www.example.org, header Retry-After 1800, "
      + "header Cache-Control no-store, header X-A \"a, b\"";

  @Test
  void anExpectationNamesOnlyWhatItCaresAbout() {
    assertTrue(AnswerFormat.compare("503 file /var/www/m/index.html", FULL).agrees());
    assertTrue(AnswerFormat.compare("503 file /var/www/m/index.html, header retry-after 1800", FULL).agrees());
    assertTrue(AnswerFormat.compare("503 file /var/www/m/index.html, header X-A \"a, b\", no header Location", FULL).agrees());
    assertTrue(AnswerFormat.compare("503 file /var/www/m/index.html, vhost www.example.org", FULL).agrees());
  }

  @Test
  void aDifferenceSaysWhat() {
    Comparison c = AnswerFormat.compare("503 file /var/www/m/index.html, header Retry-After 600", FULL);
    assertEquals(Comparison.Outcome.DIFFER, c.outcome());
    assertTrue(c.message().startsWith("expected header Retry-After 600 but it is 1800"), c.message());
    assertEquals(Comparison.Outcome.DIFFER, AnswerFormat.compare("200 file /var/www/m/index.html", FULL).outcome());
    assertEquals(Comparison.Outcome.DIFFER, AnswerFormat.compare("503, no header Retry-After", FULL).outcome());
  }

  @Test
  void fileAloneMeans200AndProxyHasNoStatus() {
    assertTrue(AnswerFormat.compare("file /x", "200 file /x, vhost main").agrees());
    assertTrue(AnswerFormat.compare("proxy http://a/", "proxy http://a/, vhost main").agrees());
    assertEquals(Comparison.Outcome.DIFFER, AnswerFormat.compare("200 file /x", "proxy http://a/, vhost main").outcome());
  }

  @Test
  void anUnreadableExpectationIsReported() {
    assertEquals(Comparison.Outcome.UNREADABLE, AnswerFormat.compare("okay", FULL).outcome());
    assertEquals(Comparison.Outcome.UNREADABLE, AnswerFormat.compare("503, headers X", FULL).outcome());
  }

  @Test
  void valuesWithCommasAreQuotedAndSplitAsOne() {
    Response r = new Response(200, Response.Kind.FILE, "/x", List.of(new Response.Header("Cache-Control", "public, max-age=60")),
        "main", List.of());
    assertEquals("200 file /x, vhost main, header Cache-Control \"public, max-age=60\"", AnswerFormat.format(r));
    assertEquals(4, AnswerFormat.split(AnswerFormat.format(r) + ", no header A").size());
  }
}
