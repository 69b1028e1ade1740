package org.opsbook.checker.apache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.apache.catalogue.ModuleSet;
import org.opsbook.checker.apache.model.HttpdConfig;
import org.opsbook.checker.apache.model.Problem;

class ConfigReaderTest {

  private static ConfigReader.Reading read(String text) {
    return ConfigReader.read(Snippet.of("apache", text, "a.conf", Map.of()), ModuleSet.defaults(), IncludedFiles.NONE,
        HttpdConfig.Wrapping.SERVER);
  }

  private static Problem first(String text) {
    return read(text).firstFatal().orElseThrow(() -> new AssertionError("no error in:\n" + text));
  }

  @Test
  void continuedLinesJoinAndHttpdNamesTheirFirstLineHere() {
    Problem p = first("ServerName a \\\n   b\n");
    assertEquals(1, p.at().line());
    assertEquals("ServerName takes one argument, The hostname and port of the server", p.message());
  }

  @Test
  void aCommentLineThatEndsInABackslashSwallowsTheNextLine() {
    assertTrue(read("# note \\\nNoSuchDirective here\n").problems().isEmpty());
  }

  @Test
  void aHashAfterADirectiveIsAnArgumentNotAComment() {
    Problem p = first("<Directory /srv>\n    Options -Indexes # quiet\n</Directory>\n");
    assertEquals("Either all Options must start with + or -, or no Option may.", p.message());
  }

  @Test
  void buildPhaseErrorsComeBeforeWalkErrorsWhateverTheirLine() {
    Problem p = first("NoSuch directive\n<Directory /srv>\n");
    assertEquals(Problem.Kind.SECTION, p.kind());
    assertEquals("<Directory> was not closed.", p.message());
    assertNull(read("NoSuch directive\n<Directory /srv>\n").config());
  }

  @Test
  void definedVariablesReplaceTextBeforeTheLineIsSplit() {
    Problem p = first("Define names \"a.example.org b.example.org\"\nServerName ${names}\n");
    assertEquals(2, p.at().line());
    assertTrue(p.message().startsWith("ServerName takes one argument"));
  }

  @Test
  void ifModuleReadsItsLinesOnlyWhenTheModuleIsLoaded() {
    assertTrue(read("<IfModule mod_expires.c>\n    ExpiresActive On\n</IfModule>\n").problems().isEmpty());
    assertTrue(read("<IfModule expires>\n    ExpiresActive On\n</IfModule>\n").problems().isEmpty(),
        "a module name httpd does not know is simply false");
    Problem p = first("<IfModule !mod_expires.c>\n    ExpiresActive On\n</IfModule>\n");
    assertEquals(Problem.Kind.UNKNOWN_DIRECTIVE, p.kind());
  }

  @Test
  void includeFindsTheArticlesFilesRelativeToServerRoot() {
    Snippet main = Snippet.of("apache", "<VirtualHost *:80>\nInclude conf-available/headers.conf\n</VirtualHost>\n", "a.md",
        Map.of());
    Snippet included = Snippet.of("apache", "Header set X-A 1\nHeadr set X-B 2\n", "a.md",
        Map.of("file", "/etc/apache2/conf-available/headers.conf"));
    ConfigReader.Reading r = ConfigReader.read(main, ModuleSet.defaults(), IncludedFiles.ofSnippets(List.of(included)),
        HttpdConfig.Wrapping.SERVER);
    Problem p = r.firstFatal().orElseThrow();
    assertEquals(included, p.at().source(), "the problem is placed in the included file");
    assertEquals(2, p.at().line());
  }

  @Test
  void anIncludeLoopIsAnError() {
    Snippet a = Snippet.of("apache", "Include /etc/apache2/b.conf\n", "a.md", Map.of("file", "/etc/apache2/a.conf"));
    Snippet b = Snippet.of("apache", "Include /etc/apache2/a.conf\n", "a.md", Map.of("file", "/etc/apache2/b.conf"));
    ConfigReader.Reading r = ConfigReader.read(a, ModuleSet.defaults(), IncludedFiles.ofSnippets(List.of(a, b)),
        HttpdConfig.Wrapping.SERVER);
    assertEquals(Problem.Kind.INCLUDE, r.firstFatal().orElseThrow().kind());
  }

  @Test
  void anIncludeOfAFileOpsbookCannotSeeIsNotAnError() {
    ConfigReader.Reading r = read("Include sites-enabled/*.conf\n");
    assertEquals(List.of(Problem.Kind.INCLUDE_UNCHECKED), r.problems().stream().map(Problem::kind).toList());
    assertTrue(r.config().unchecked());
  }

  @Test
  void loadModuleAddsADebianModule() {
    String text = "LoadModule expires_module /usr/lib/apache2/modules/mod_expires.so\nExpiresActive On\n";
    assertTrue(read(text).problems().isEmpty());
    assertEquals(Problem.Kind.ARGUMENTS, first("LoadModule expires_module modules/mod_nothere.so\n").kind());
  }

  @Test
  void contextWrapsBareLinesInTheNamedSection() {
    Snippet s = Snippet.of("apache", "Require all granted\nOptions -Indexes\n", "a.md", Map.of("context", "directory"));
    assertTrue(ConfigReader.read(s, ModuleSet.defaults(), IncludedFiles.NONE, ConfigReader.wrapping(s).orElseThrow())
        .problems().isEmpty());
    Snippet vhost = Snippet.of("apache", "Require all granted\n", "a.md", Map.of("context", "virtualhost"));
    Problem p = ConfigReader.read(vhost, ModuleSet.defaults(), IncludedFiles.NONE, ConfigReader.wrapping(vhost).orElseThrow())
        .firstFatal().orElseThrow();
    assertEquals("Require not allowed in <VirtualHost> context", p.message());
  }

  @Test
  void anHtaccessFileIsReadWithItsOverrideClasses() {
    Snippet s = Snippet.of("apache", "RewriteEngine On\nServerName x\n", "a.md", Map.of("file", "/var/www/html/.htaccess"));
    Problem p = ConfigReader.read(s, ModuleSet.defaults(), IncludedFiles.NONE, ConfigReader.wrapping(s).orElseThrow())
        .firstFatal().orElseThrow();
    assertEquals("ServerName not allowed here", p.message());
  }

  @Test
  void aFileLintReadsIsAnHtaccessFileByItsName() {
    Snippet lint = Snippet.ofFile("apache", "ServerName x\n", "public/.htaccess");
    assertEquals(HttpdConfig.Wrapping.HTACCESS, ConfigReader.wrapping(lint).orElseThrow());
    Snippet article = Snippet.ofFile("apache", "ServerName x\n", "content/articles/a/index.md");
    assertEquals(HttpdConfig.Wrapping.SERVER, ConfigReader.wrapping(article).orElseThrow());
  }

  @Test
  void theArgumentAtFaultIsPointedAt() {
    Problem p = first("<Directory /srv>\n    AllowOverride None Rewrite\n</Directory>\n");
    assertEquals(2, p.at().line());
    assertEquals(24, p.at().column());
  }

  @Test
  void theModelKeepsSectionsInOrder() {
    HttpdConfig c = read("<VirtualHost *:80>\nServerName a\n</VirtualHost>\n<VirtualHost *:80>\nServerName b\n</VirtualHost>\n").config();
    assertNotNull(c);
    assertEquals(2, c.virtualHosts().size());
    assertEquals("b", c.virtualHosts().get(1).last("ServerName").orElseThrow().directive().word(0));
  }
}
