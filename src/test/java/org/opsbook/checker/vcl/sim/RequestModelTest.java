package org.opsbook.checker.vcl.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Answer;
import org.opsbook.check.Findings;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.vcl.model.VclProgram;
import org.opsbook.checker.vcl.syntax.VclParser;

class RequestModelTest {
  private static VclProgram program(String vcl) {
    Snippet s = Snippet.ofFile("vcl", vcl, "t.vcl");
    Findings f = new Findings(s);
    VclProgram p = VclParser.parse(s, IncludedFiles.NONE, VclParser.DEFAULT_STEVEDORES, f);
    assertFalse(f.hasErrors(), f.diagnostics()::toString);
    return p;
  }

  private static List<String> ask(String vcl, String question) {
    Answer a = RequestModel.answer(program(vcl), question);
    assertTrue(a.isAnswered(), () -> a.kind() + ": " + a.text());
    return List.of(a.text().split("\n"));
  }

  @Test
  void varnishAppendsTheClientToXForwardedForBeforeVclRecv() {
    List<String> a = ask("sub vcl_recv { set req.http.X-Seen = req.http.X-Forwarded-For; return (pass); }",
        "GET / client=198.51.100.4 Host:a\n  X-Forwarded-For: 10.0.0.1");
    assertTrue(a.contains("req.http.X-Seen: 10.0.0.1, 198.51.100.4"), a::toString);
  }

  @Test
  void anAbsentHeaderDiffersFromEveryStringEvenTheEmptyOne() {
    String vcl = "sub vcl_recv { if (req.http.X == \"\") { return (synth(700)); }"
        + " if (req.http.X != \"\") { return (synth(701)); } }";
    assertEquals("synth 701 \"Unknown HTTP Status\"", ask(vcl, "GET / Host:a").get(0));
    assertEquals("synth 700 \"Unknown HTTP Status\"", ask(vcl, "GET / Host:a\n  X:").get(0));
  }

  @Test
  void theBuiltInVclRunsAfterASubroutineThatDoesNotReturn() {
    String vcl = "sub vcl_recv { set req.http.X = \"1\"; }";
    assertEquals("hash", ask(vcl, "GET / Host:a").get(0));
    assertEquals("pass", ask(vcl, "GET / Host:a Cookie:x=1").get(0));
    assertEquals("pipe", ask(vcl, "CONNECT / Host:a").get(0));
    assertEquals("synth 400 \"Bad Request\"", ask(vcl, "GET /").get(0));
    assertEquals("hash", ask(vcl, "GET / HTTP/1.0").get(0), "HTTP/1.0 needs no Host");
  }

  @Test
  void settingTheStatusResetsTheReasonAndTheBuiltInSynthSetsRetryAfter() {
    List<String> a = ask("sub vcl_recv { return (synth(404, \"Nope\")); }\n"
        + "sub vcl_synth { set resp.status = 410; set resp.http.Retry-After = \"60\"; }", "GET / Host:a");
    assertEquals("synth 410 \"Gone\"", a.get(0));
    assertTrue(a.contains("resp.http.Retry-After: 5"), "the built-in vcl_synth overwrites it: " + a);
  }

  @Test
  void aFailedVclRecvBecomesA503AndItsChangesAreRolledBack() {
    List<String> a = ask("sub vcl_recv { set req.http.X = \"1\"; return (fail); }", "GET / Host:a");
    assertEquals("fail; synth 503 \"VCL failed\"", a.get(0));
    assertFalse(a.contains("req.http.X: 1"), a::toString);
  }

  @Test
  void settingTheUrlToNothingFailsTheRequest() {
    assertEquals("fail; synth 503 \"VCL failed\"",
        ask("sub vcl_recv { set req.url = req.http.Missing; }", "GET / Host:a").get(0));
  }

  @Test
  void restartsRunVclRecvAgainUntilTheLimit() {
    String vcl = "sub vcl_recv { if (req.restarts < 2) { set req.url = \"/again\"; return (restart); } }";
    List<String> a = ask(vcl, "GET /first Host:a");
    assertEquals("restart; restart; hash", a.get(0));
    assertTrue(a.contains("req.url: /again"), a::toString);
    assertEquals("restart; restart; restart; restart; restart; synth 503 \"Service Unavailable\"",
        ask("sub vcl_recv { return (restart); }", "GET / Host:a").get(0));
  }

  @Test
  void theMostSpecificAclEntryDecides() {
    String vcl = "acl a { \"10.0.0.0\"/8; !\"10.1.0.0\"/16; \"10.1.2.3\"; }\n"
        + "sub vcl_recv { if (client.ip ~ a) { return (pass); } return (synth(403)); }";
    assertEquals("pass", ask(vcl, "GET / client=10.9.9.9 Host:a").get(0));
    assertEquals("synth 403 \"Forbidden\"", ask(vcl, "GET / client=10.1.9.9 Host:a").get(0));
    assertEquals("pass", ask(vcl, "GET / client=10.1.2.3 Host:a").get(0));
    assertEquals("synth 403 \"Forbidden\"", ask(vcl, "GET / client=[::ffff:10.9.9.9] Host:a").get(0));
  }

  @Test
  void regsubSubstitutesGroupsAndRegsuballEveryMatch() {
    List<String> a = ask("sub vcl_recv { set req.http.A = regsub(req.url, \"^/(\\w+)/(\\w+)\", \"\\2-\\1\");"
        + " set req.http.B = regsuball(req.url, \"[aeiou]\", \"_\"); return (pass); }", "GET /shop/items Host:a");
    assertTrue(a.contains("req.http.A: items-shop"), a::toString);
    assertTrue(a.contains("req.http.B: /sh_p/_t_ms"), a::toString);
  }

  @Test
  void whatTheModelDoesNotKnowStopsTheCaseWithAReason() {
    Answer time = RequestModel.answer(program("sub vcl_recv { if (now > req.time) { return (pass); } }"),
        "GET / Host:a");
    assertEquals(Answer.Kind.CANNOT_EVALUATE, time.kind());
    Answer file = RequestModel.answer(program("import std;\nsub vcl_recv { if (std.file_exists(\"/f\")) {"
        + " return (pass); } }"), "GET / Host:a");
    assertEquals(Answer.Kind.CANNOT_EVALUATE, file.kind());
    assertTrue(file.text().contains("exists=/f"), file.text());
  }

  @Test
  void anUnreadableQuestionSaysWhatIsWrong() {
    Answer a = RequestModel.answer(program("sub vcl_recv { return (pass); }"), "GET index.html");
    assertEquals(Answer.Kind.UNREADABLE, a.kind());
    assertTrue(a.text().contains("must start with '/'"), a.text());
  }

  @Test
  void anExpectationNamesTheActionAndAnyOfTheOtherClauses() {
    String question = "GET /static/a.css Host:a\n  Cookie: s=1";
    String answer = "hash\nbackend default\nunset req.http.Cookie";
    assertTrue(RequestModel.compare(question, "hash", answer).agrees());
    assertTrue(RequestModel.compare(question, "hash\n  unset req.http.cookie", answer).agrees());
    assertTrue(RequestModel.compare(question, "hash\nno req.http.Cookie", answer).agrees());
    assertFalse(RequestModel.compare(question, "hash\nno req.http.Host", answer).agrees(), "Host was sent");
    assertFalse(RequestModel.compare(question, "pass", answer).agrees());
    assertFalse(RequestModel.compare(question, "hash\nbackend other", answer).agrees());
  }

  @Test
  void stdCollectJoinsEveryLineOfTheHeaderIntoTheFirst() {
    List<String> a = ask("import std;\nsub vcl_recv { std.collect(req.http.Cookie, \"; \");"
        + " if (req.http.Cookie ~ \"b=2\") { return (synth(700)); } }",
        "GET / Host:a\n  Cookie: a=1\n  Cookie: b=2");
    assertEquals("synth 700 \"Unknown HTTP Status\"", a.get(0));
    assertTrue(a.contains("req.http.Cookie: a=1; b=2"), a::toString);
  }

  @Test
  void aRollbackIsNotFollowed() {
    Answer a = RequestModel.answer(program("import std;\nsub vcl_recv { set req.url = \"/x\"; std.rollback(req); }"),
        "GET / Host:a");
    assertEquals(Answer.Kind.CANNOT_EVALUATE, a.kind());
  }

  @Test
  void requestsVarnishRefusesBeforeVclNeverReachVclRecv() {
    String vcl = "sub vcl_recv { return (synth(700)); }";
    for (String q : List.of("POST /form HTTP/1.0 Host:a", "GET / Host:a Host:b",
        "GET / Host:a Content-Length:ten", "HEAD / Host:a Content-Length:4",
        "GET / Host:a Transfer-Encoding:gzip")) {
      assertEquals("refused 400 before VCL", ask(vcl, q).get(0), q);
    }
    for (String q : List.of("POST /form HTTP/1.1 Host:a", "POST /form HTTP/1.0 Host:a Content-Length:0",
        "POST /form HTTP/1.0 Host:a Connection:keep-alive", "PUT /x HTTP/2.0 Host:a")) {
      assertEquals("synth 700 \"Unknown HTTP Status\"", ask(vcl, q).get(0), q);
    }
  }

  @Test
  void addressesReadAsTheResolverReadsThemMatchLikeAnyOther() {
    String vcl = "acl local { \"*\"; }\nacl short { \"0x7f.2\"; \"10.1\"; }\nsub vcl_recv {"
        + " if (client.ip ~ local) { return (synth(700)); }"
        + " if (client.ip ~ short) { return (synth(701)); }"
        + " if (server.ip == \"192.0.2.254:8443\") { return (synth(702)); } }";
    assertEquals("synth 700 \"Unknown HTTP Status\"", ask(vcl, "GET / client=127.0.0.1 Host:a").get(0));
    assertEquals("synth 700 \"Unknown HTTP Status\"", ask(vcl, "GET / client=[::1] Host:a").get(0));
    assertEquals("synth 701 \"Unknown HTTP Status\"", ask(vcl, "GET / client=127.0.0.2 Host:a").get(0));
    assertEquals("synth 701 \"Unknown HTTP Status\"", ask(vcl, "GET / client=10.1.200.3 Host:a").get(0));
    assertEquals("synth 702 \"Unknown HTTP Status\"", ask(vcl, "GET / client=10.2.0.1 Host:a").get(0));
    assertEquals("synth 702 \"Unknown HTTP Status\"", ask(vcl, "GET / client=0.0.0.0 Host:a").get(0));
  }
}
