package org.opsbook.checker.vcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.cli.Main;

/** {@code opsbook lint --lang vcl} and {@code opsbook query --lang vcl} as a user meets them. */
class VclCommandLineTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void lintReportsEveryVcl3ConstructAsJsonAndExitsWithOne() throws Exception {
    Path vcl = write("default.vcl", "sub vcl_recv {\n  if (req.request == \"PURGE\") {\n    error 405 \"No\";\n  }\n}\n");
    Run r = run("lint", "--lang", "vcl", "--format", "json", vcl.toString());
    assertEquals(1, r.code(), r.err());
    List<String> found = new ArrayList<>();
    for (JsonNode d : new ObjectMapper().readTree(r.out())) {
      found.add(d.get("line").asInt() + " " + d.get("rule").asText());
    }
    assertEquals(List.of("2 vcl.vcl3", "3 vcl.vcl3"), found);
  }

  @Test
  void lintAcceptsTheVarnishAliasAndACleanFile() throws Exception {
    Path vcl = write("ok.vcl", "vcl 4.1;\nbackend default { .host = \"127.0.0.1\"; }\n");
    Run r = run("lint", "--lang", "varnish", vcl.toString());
    assertEquals(0, r.code(), r.out() + r.err());
  }

  @Test
  void queryPrintsTheAnswerAndHowTheModelGotThere() throws Exception {
    Path vcl = write("m.vcl", "vcl 4.1;\nimport std;\nbackend app { .host = \"127.0.0.1\"; }\n"
        + "sub vcl_recv {\n  if (std.file_exists(\"/flag\")) {\n    return (synth(503));\n  }\n}\n");
    Run on = run("query", "--lang", "vcl", vcl.toString(), "GET / exists=/flag Host:www.example.org");
    assertEquals(0, on.code(), on.err());
    assertTrue(on.out().startsWith("synth 503 \"Service Unavailable\"\n"), on.out());
    assertTrue(on.out().contains("how:\n") && on.out().contains("(line 5) is true"), on.out());
    Run off = run("query", "--lang", "vcl", vcl.toString(), "GET / missing=/flag Host:www.example.org");
    assertTrue(off.out().startsWith("hash\nbackend app\n"), off.out());
  }

  @Test
  void aQueryTheModelCannotAnswerSaysWhyAndExitsWithOne() throws Exception {
    Path vcl = write("m.vcl", "vcl 4.1;\nimport std;\nbackend app { .host = \"127.0.0.1\"; }\n"
        + "sub vcl_recv {\n  if (std.file_exists(\"/flag\")) {\n    return (synth(503));\n  }\n}\n");
    Run r = run("query", "--lang", "vcl", vcl.toString(), "GET / Host:www.example.org");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("exists=/flag or missing=/flag"), r.err());
    Run bad = run("query", "--lang", "vcl", vcl.toString(), "GET");
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("opsbook.test-syntax"), bad.err());
  }
}
