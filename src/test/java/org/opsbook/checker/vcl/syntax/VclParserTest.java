package org.opsbook.checker.vcl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Findings;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.vcl.model.VclProgram;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

class VclParserTest {
  private record Parsed(VclProgram program, List<Diagnostic> found) {}

  private static Parsed parse(String text) {
    return parse(Snippet.ofFile("vcl", text, "t.vcl"), IncludedFiles.NONE);
  }

  private static Parsed parse(Snippet s, IncludedFiles files) {
    Findings f = new Findings(s);
    VclProgram p = VclParser.parse(s, files, VclParser.DEFAULT_STEVEDORES, f);
    return new Parsed(p, f.diagnostics());
  }

  private static List<String> rulesAndLines(Parsed p) {
    return p.found().stream().map(d -> d.where().line() + " " + d.rule()).toList();
  }

  @Test
  void readsAPastedSubroutineBehindVcl41AndANoneDefaultBackend() {
    Parsed p = parse("sub vcl_recv {\n  return (pass);\n}\n");
    assertEquals(List.of(), p.found());
    assertTrue(p.program().wrapped());
    assertEquals(41, p.program().syntax());
    assertEquals("default", p.program().defaultBackend());
    assertTrue(p.program().backends().get("default").none());
  }

  @Test
  void aFileWithABackendAndNoVclLineIsAWholeFileOfOldVcl() {
    Parsed p = parse("backend default { .host = \"127.0.0.1\"; }\n");
    assertNull(p.program());
    assertEquals(List.of("1 vcl.version"), rulesAndLines(p));
  }

  @Test
  void reportsAMissingSemicolonAtTheTokenAfterIt() {
    Parsed p = parse("sub vcl_recv {\n  set req.http.A = \"1\"\n  set req.http.B = \"2\";\n}\n");
    assertEquals(List.of("3 vcl.syntax"), rulesAndLines(p));
    assertTrue(p.found().get(0).message().startsWith("Expected ';' got 'set'"), p.found().get(0).message());
  }

  @Test
  void comparesNamesWithoutRegardToCase() {
    assertEquals(List.of(), parse("sub vcl_recv {\n  if (REQ.Url ~ \"^/a\") { return (pass); }\n}\n").found());
  }

  @Test
  void joinsTheAuthorsBodiesBeforeTheBuiltInOnes() {
    Parsed p = parse("sub vcl_recv { set req.http.A = \"1\"; }\nsub vcl_recv { set req.http.B = \"1\"; }\n");
    var recv = p.program().sub("vcl_recv").orElseThrow();
    assertEquals(3, recv.bodies().size());
    assertEquals(2, recv.authorsBodies().size());
    assertTrue(recv.bodies().get(0).pos().isAuthors() && !recv.bodies().get(2).pos().isAuthors());
  }

  @Test
  void aBuiltInHelperMayBeCalledAndAddedTo() {
    assertEquals(List.of(), parse("sub vcl_req_cookie { unset req.http.X; }\n"
        + "sub vcl_recv { call vcl_builtin_recv; return (hash); }\n").found());
  }

  @Test
  void reportsEveryVcl3ConstructAfterTheFirstError() {
    Parsed p = parse("sub vcl_recv {\n  if (req.request == \"PURGE\") {\n    error 405 \"No\";\n  }\n"
        + "  return (lookup);\n}\nsub vcl_fetch {\n  set beresp.ttl = 1h;\n}\n");
    assertEquals(List.of("2 vcl.vcl3", "3 vcl.vcl3", "5 vcl.vcl3", "7 vcl.vcl3"), rulesAndLines(p));
    assertTrue(String.valueOf(p.found().get(0).hint()).contains("req.method"), p.found().get(0)::toString);
  }

  @Test
  void anUnclosedBraceIsReportedWhereItOpens() {
    Parsed p = parse("sub vcl_recv {\n  if (req.url ~ \"a\") {\n    return (pass);\n}\n");
    assertEquals(List.of("1 vcl.syntax"), rulesAndLines(p));
  }

  @Test
  void aFragmentKnowsStdAndLeavesUndefinedNamesToTheRestOfTheFile() {
    Snippet s = Snippet.of("vcl", "sub vcl_recv {\n  if (std.file_exists(\"/f\") && client.ip ~ office) {\n"
        + "    return (pass);\n  }\n}\n", "t.vcl", Map.of("fragment", "true"));
    Parsed p = parse(s, IncludedFiles.NONE);
    assertNotNull(p.program());
    assertEquals(List.of(), rulesAndLines(p));
    assertFalse(p.program().complete());
  }

  @Test
  void readsAnIncludedFileFromTheArticleAndPlacesItsErrorsThere() {
    Snippet inc = new Snippet("vcl", "backend images { .host = \"192.0.2.5\"; }\nbackend unused { .host = \"192.0.2.6\"; }\n",
        new SourceSpan("a.md", 20, 1), 0, new TreeMap<>(Map.of("file", "/etc/varnish/backends.vcl")),
        new SourceSpan("a.md", 19, 1));
    Snippet main = Snippet.ofFile("vcl", "vcl 4.1;\nbackend default none;\ninclude \"backends.vcl\";\n"
        + "sub vcl_recv { set req.backend_hint = images; }\n", "t.vcl");
    Parsed p = parse(main, IncludedFiles.ofSnippets(List.of(inc, main)));
    assertEquals(1, p.found().size(), p.found()::toString);
    assertEquals("vcl.unused", p.found().get(0).rule().value());
    assertEquals(new SourceSpan("a.md", 21, 9), p.found().get(0).where());
  }

  @Test
  void anIncludeOpsbookCannotReadIsAWarningAndLeavesNamesUnjudged() {
    Parsed p = parse("vcl 4.1;\nbackend default none;\ninclude \"backends.vcl\";\n"
        + "sub vcl_recv { set req.backend_hint = images; }\n");
    assertEquals(List.of("3 vcl.include-not-checked"), rulesAndLines(p));
    assertFalse(p.program().complete());
  }

  @Test
  void anAclEntryWithHostBitsIsRefusedUnlessTheAclIsNotPedantic() {
    assertEquals(List.of("1 vcl.acl"), rulesAndLines(parse("acl a { \"10.1.2.3\"/8; }\n"
        + "sub vcl_recv { if (client.ip ~ a) { return (pass); } }\n")));
    Parsed lax = parse("acl a -pedantic { \"10.1.2.3\"/8; }\nsub vcl_recv { if (client.ip ~ a) { return (pass); } }\n");
    assertEquals(List.of(), lax.found());
    var entry = lax.program().acl("a").orElseThrow().entries().get(0);
    assertTrue(entry.hostBits());
    assertEquals("10.0.0.0/8", entry.cidr());
  }

  @Test
  void aReturnAllowedNowhereInItsCallerIsReportedWithTheCaller() {
    Parsed p = parse("sub helper { return (deliver); }\nsub vcl_recv { call helper; }\n");
    assertEquals(List.of("1 vcl.bad-return"), rulesAndLines(p));
    assertTrue(String.valueOf(p.found().get(0).hint()).contains("vcl_recv"), p.found().get(0)::toString);
  }

  @Test
  void aVariableUsedThroughACallIsCheckedAgainstTheCallingMethod() {
    Parsed p = parse("sub helper { set req.http.X = beresp.http.Y; }\nsub vcl_recv { call helper; }\n");
    assertEquals(List.of("1 vcl.not-available"), rulesAndLines(p));
    assertTrue(p.found().get(0).message().contains("from subroutine 'vcl_recv'"), p.found().get(0)::toString);
  }
}
