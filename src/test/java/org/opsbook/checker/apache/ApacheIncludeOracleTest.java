package org.opsbook.checker.apache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.DiskFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.apache.catalogue.ModuleSet;
import org.opsbook.checker.apache.model.HttpdConfig;
import org.opsbook.checker.apache.model.Problem;

/**
 * {@code Include} and {@code IncludeOptional} on a real disk, as {@code opsbook lint} reads them,
 * against {@code apache2 -t} on the same tree: files, folders (read recursively), wildcards in
 * the last and in a middle component, and the ways each finds nothing. The verdict must agree,
 * and for a refusal, httpd's message and (when the error is in the snippet itself) its line.
 */
@Tag("oracle")
class ApacheIncludeOracleTest {

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void includesOnDiskAgreeWithApache2() throws IOException {
    Optional<RealApache> real = RealApache.create();
    Assumptions.assumeTrue(real.isPresent(), "apache2 is not installed (.ci/install-tools installs it)");
    Map<String, String> disagreements = new TreeMap<>();
    int refused = 0;
    Map<String, String> cases = new LinkedHashMap<>();
    try (RealApache httpd = real.get()) {
      String t = httpd.dir().resolve("tree").toString();
      write(Path.of(t, "sites/a.conf"), "<VirtualHost *:80>\n    ServerName a.example.org\n</VirtualHost>\n");
      write(Path.of(t, "sites/b.conf"), "<VirtualHost *:80>\n    ServerName b.example.org\n    Redirect / https://b.example.org/\n</VirtualHost>\n");
      write(Path.of(t, "nested/one/c.conf"), "Define NESTED_C\n");
      write(Path.of(t, "nested/two.conf"), "<IfDefine NESTED_C>\nServerAdmin web@example.org\n</IfDefine>\n");
      write(Path.of(t, "bad/x.conf"), "ServerAdmin web@example.org\nServerNme www.example.org\n");
      write(Path.of(t, "loop/self.conf"), "Include " + t + "/loop/self.conf\n");
      Files.createDirectories(Path.of(t, "empty"));
      cases.put("wildcard-files", "Include " + t + "/sites/*.conf\n");
      cases.put("folder", "Include " + t + "/sites\n");
      cases.put("folder-slash", "Include " + t + "/sites/\n");
      cases.put("folder-recursive", "Include " + t + "/nested\n");
      cases.put("middle-wildcard", "Include " + t + "/s*/*.conf\n");
      cases.put("empty-folder", "Include " + t + "/empty\n");
      cases.put("missing-file", "ServerAdmin web@example.org\nInclude " + t + "/none.conf\n");
      cases.put("missing-folder-wildcard", "Include " + t + "/none/*.conf\n");
      cases.put("wildcard-no-match", "\nInclude " + t + "/empty/*.conf\n");
      cases.put("middle-wildcard-no-match", "Include " + t + "/x*/*.conf\n");
      cases.put("optional-missing-file", "IncludeOptional " + t + "/none.conf\n");
      cases.put("optional-missing-folder", "IncludeOptional " + t + "/none/*.conf\n");
      cases.put("optional-no-match", "IncludeOptional " + t + "/empty/*.conf\n");
      cases.put("error-in-included-file", "ServerAdmin web@example.org\nInclude " + t + "/bad/*.conf\n");
      cases.put("recursion", "Include " + t + "/loop/self.conf\n");
      for (Map.Entry<String, String> c : cases.entrySet()) {
        RealApache.Verdict theirs = httpd.check(List.of(new RealApache.Snippet(c.getKey(), c.getValue(), "server",
            ModuleSet.defaults())));
        Snippet s = Snippet.of("apache", c.getValue(), c.getKey(), Map.of());
        Optional<Problem> mine = ConfigReader.read(s, ModuleSet.defaults(), DiskFiles.host("apache"),
            HttpdConfig.Wrapping.SERVER).firstFatal();
        String difference = compare(mine, theirs, s, httpd.dir().toString());
        refused += theirs.accepted() ? 0 : 1;
        if (difference != null) {
          disagreements.put(c.getKey(), difference);
        }
      }
    }
    OracleCorpus.figures("include-oracle", String.format(java.util.Locale.ROOT, "%d trees on disk, httpd refused %d; "
        + "%d agree", cases.size(), refused, cases.size() - disagreements.size()), disagreements);
    assertEquals(Map.of(), disagreements, "opsbook and apache2 -t read Include differently");
  }

  private static String compare(Optional<Problem> mine, RealApache.Verdict theirs, Snippet top, String scratch) {
    if (theirs.accepted()) {
      return mine.map(p -> "httpd accepts it; opsbook: " + p.message()).orElse(null);
    }
    if (mine.isEmpty()) {
      return "httpd refuses it (" + theirs.message() + "); opsbook accepts it";
    }
    Problem p = mine.get();
    String message = p.message().replace(scratch, "SCRATCH");
    // httpd's message buffer (MAX_STRING_LEN) fills with the 128 "Syntax error on line 1 of ..."
    // prefixes of a recursion before its own words; the nesting is the evidence then.
    boolean cutRecursion = message.endsWith("There appears to be a recursion.")
        && theirs.output().split("Syntax error on line", -1).length > 64;
    if (!theirs.output().contains(message) && !cutRecursion) {
      return "httpd: " + theirs.output() + "; opsbook: " + message;
    }
    if (p.at().source() == top && p.at().line() != theirs.line()) {
      return "httpd refuses line " + theirs.line() + ", opsbook line " + p.at().line();
    }
    return null;
  }
}
