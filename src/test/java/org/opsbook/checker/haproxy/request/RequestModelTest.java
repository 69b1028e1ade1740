package org.opsbook.checker.haproxy.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.checker.haproxy.HaproxyChecker;
import org.opsbook.testing.ModelAnswers;

class RequestModelTest {
  private static final String ROUTING = """
      frontend web
          bind :80
          mode http
          acl api path_beg /api/
          acl static path_end .css .js
          acl internal src 10.0.0.0/8 192.168.0.0/16
          acl host_shop hdr(host) -i shop.example.org
          acl big req.hdr_cnt(x-forwarded-for) gt 2
          http-request deny deny_status 429 if big
          http-request set-header X-Internal yes if internal
          http-request del-header X-Debug
          http-request redirect scheme https code 301 if host_shop !{ ssl_fc }
          use_backend static if static
          use_backend api if api || { hdr(x-internal) yes }
          default_backend app

      backend api
          mode http
          http-request return status 403 content-type text/plain string "no writes" if { method DELETE }
          server a 127.0.0.1:8081

      backend static
          mode http
          server s 127.0.0.1:8082

      backend app
          mode http
          server p 127.0.0.1:8083
      """;

  @Test
  void theFirstUseBackendWhoseConditionHoldsWinsElseTheDefault() {
    ModelAnswers.assertAll("haproxy", ROUTING, """
        GET http://www.example.org/api/items => backend api, acl api, no acl static
        GET http://www.example.org/api/app.js => backend static, acl api, acl static
        GET http://www.example.org/about => backend app, no acl api
        GET /about
          Host: www.example.org
        => backend app
        """);
  }

  @Test
  void headerRulesRunInOrderAndLaterConditionsSeeTheirChanges() {
    ModelAnswers.assertAll("haproxy", ROUTING, """
        GET http://www.example.org/about from 10.1.2.3
          X-Debug: 1
        => backend api, request-header X-Internal "yes", no request-header X-Debug
        GET http://www.example.org/about from 172.16.0.1 => backend app, no request-header X-Internal
        """);
  }

  @Test
  void repliesCarryTheirStatusBodyAndHeaders() {
    ModelAnswers.assertAll("haproxy", ROUTING, """
        DELETE http://www.example.org/api/items/3
        => return 403, string "no writes", header Content-Type "text/plain"
        GET http://shop.example.org/cart?x=1 => redirect 301 https://shop.example.org/cart?x=1, acl host_shop
        GET https://shop.example.org/cart => backend app
        GET http://www.example.org/
          X-Forwarded-For: 1.1.1.1, 2.2.2.2
          X-Forwarded-For: 3.3.3.3
        => deny 429, acl big
        GET http://www.example.org/
          X-Forwarded-For: 1.1.1.1, 2.2.2.2
        => backend app, no acl big
        """);
  }

  @Test
  void aBackendNameFromASampleThatNamesNoBackendFallsBackToTheDefault() {
    ModelAnswers.assertAll("haproxy", ROUTING.replace("use_backend static if static",
        "use_backend %[req.hdr(host),lower]"), """
        GET http://www.example.org/about => backend app
        GET http://STATIC/about => backend static
        """);
  }

  @Test
  void allowStopsTheRulesAndUnlessNegates() {
    ModelAnswers.assertAll("haproxy", """
        frontend web
            bind :80
            mode http
            errorfile 403 /etc/haproxy/errors/403.http
            acl office src 203.0.113.0/24
            http-request allow if office
            http-request deny unless { path_beg /public/ }
            http-request redirect prefix /new drop-query if { path_dir old }
            default_backend app

        backend app
            mode http
            server p 127.0.0.1:8083
        """, """
        GET http://www.example.org/private from 203.0.113.9 => backend app
        GET http://www.example.org/private => deny 403, errorfile /etc/haproxy/errors/403.http
        GET http://www.example.org/public/a => backend app
        GET http://www.example.org/public/old/a?b=c => redirect 302 /new/public/old/a
        """);
  }

  @Test
  void whatTheModelDoesNotKnowItSaysSo() {
    assertCannot(ROUTING.replace("acl big req.hdr_cnt(x-forwarded-for) gt 2", "acl big sc_http_req_rate(0) gt 2"),
        "GET http://www.example.org/", "does not evaluate the fetch 'sc_http_req_rate'");
    assertCannot(ROUTING.replace("use_backend static if static", "use_backend %[req.hdr(host),regsub(^www\\.,)]"),
        "GET http://www.example.org/", "does not evaluate the converter 'regsub'");
    assertCannot(ROUTING.replace("http-request del-header X-Debug", "http-request set-header X-Id %[uuid]"),
        "GET http://www.example.org/", "log-format string");
    assertCannot(ROUTING.replace("    mode http\n    acl api", "    mode tcp\n    acl api"),
        "GET http://www.example.org/", "mode tcp");
    assertCannot(ROUTING + "\nfrontend other\n    bind :81\n    mode http\n    default_backend app\n",
        "GET http://www.example.org/", "say which one receives the request");
    assertCannot(ROUTING.replace("http-request del-header X-Debug", "http-request replace-path /old/(.*) /new/\\1"),
        "GET http://www.example.org/", "does not run 'http-request replace-path'");
  }

  @Test
  void aMapAnswersFromItsFileOrFromSetMap() {
    String config = """
        frontend web
            bind :80
            mode http
            acl closed str(site),map(/etc/haproxy/switch.map,open) -m str closed
            http-request return status 503 hdr Retry-After 60 if closed
            default_backend app

        backend app
            mode http
            server p 127.0.0.1:8083
        """;
    IncludedFiles map = IncludedFiles.ofSnippets(List.of(Snippet.of("text", "# the switch\nsite closed\n",
        "/etc/haproxy/switch.map", Map.of("file", "/etc/haproxy/switch.map"))));
    CheckContext withMap = CheckContext.empty().withFiles(map);
    HaproxyChecker checker = new HaproxyChecker();
    Snippet subject = Snippet.ofFile("haproxy", config, "haproxy.cfg");
    assertTrue(checker.query(subject, "GET /x", withMap).output().contains("=> return 503"));
    assertTrue(checker.query(subject, "GET /x set map /etc/haproxy/switch.map site open", withMap).output()
        .contains("=> backend app"));
    assertTrue(checker.query(subject, "GET /x set map /etc/haproxy/switch.map site closed", CheckContext.empty())
        .output().contains("=> return 503"));
  }

  @Test
  void anUnreadableQuestionSaysHowToWriteOne() {
    QueryResult r = new HaproxyChecker().query(Snippet.ofFile("haproxy", ROUTING, "haproxy.cfg"),
        "GET http://x/ from nowhere", CheckContext.empty());
    assertFalse(r.found());
    assertEquals("opsbook.test-syntax", r.diagnostics().get(0).rule().value());
    assertTrue(r.diagnostics().get(0).message().contains("'from' needs the client's IP address"));
  }

  private static void assertCannot(String config, String question, String reason) {
    QueryResult r = new HaproxyChecker().query(Snippet.ofFile("haproxy", config, "haproxy.cfg"), question,
        CheckContext.empty());
    assertFalse(r.found(), r.output());
    String all = r.diagnostics().toString();
    assertTrue(all.contains("cannot evaluate") && all.contains(reason), all);
  }
}
