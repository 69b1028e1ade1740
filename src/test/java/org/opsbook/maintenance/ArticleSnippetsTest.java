package org.opsbook.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opsbook.maintenance.support.Project;

/**
 * The article on maintenance pages shows generated configuration; this keeps it generated. Each
 * server snippet must be the generator's output for content/maintenance/upgrade.md (whole, or an
 * excerpt where the article marks it a fragment). Content hashes in the policy are compared as
 * placeholders, so a change to the theme's stylesheet does not make the article wrong.
 */
class ArticleSnippetsTest {
  private static final Path ARTICLE = Path.of("content/articles/maintenance-page-bypass/index.md");
  private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w+)([^\\n]*)\\n(.*?)^```$", Pattern.DOTALL);
  private static final Pattern HASH = Pattern.compile("'sha256-[A-Za-z0-9+/]+=*'");
  private static final Map<String, String> FILES =
      Map.of("nginx", "nginx.conf", "apache", "apache.conf", "vcl", "varnish.vcl", "haproxy", "haproxy.cfg");

  private record Block(String language, String attributes, String text) {}

  private static List<Block> blocks(String markdown) {
    List<Block> blocks = new ArrayList<>();
    Matcher fence = FENCE.matcher(markdown);
    while (fence.find()) {
      blocks.add(new Block(fence.group(1), fence.group(2), fence.group(3)));
    }
    return blocks;
  }

  private static String normalize(String text) {
    return HASH.matcher(text).replaceAll("'sha256-HASH'");
  }

  @Test
  void serverSnippetsAreTheGeneratorsOutput() throws IOException {
    String article = Files.readString(Project.root().resolve(ARTICLE));
    MaintenanceResult result = Project.builder().build("upgrade");
    assertFalse(result.hasErrors(), result.diagnostics()::toString);
    int checked = 0;
    for (Block block : blocks(article)) {
      String file = FILES.get(block.language());
      if (file == null) {
        continue;
      }
      String generated = normalize(result.text(file));
      String shown = normalize(block.text());
      if (generated.equals(shown)) {
        checked++;
        continue;
      }
      assertTrue(generated.contains(shown), block.language() + " snippet is not an excerpt of " + file + ":\n" + block.text());
      checked++;
    }
    assertEquals(4, checked, "one snippet per server");
  }

  @Test
  void sourceSnippetIsThePageFile() throws IOException {
    String article = Files.readString(Project.root().resolve(ARTICLE));
    Block source = blocks(article).stream().filter(b -> b.language().equals("markdown")).findFirst().orElseThrow();
    assertTrue(source.attributes().contains("file=content/maintenance/upgrade.md"));
    assertEquals(Files.readString(Project.root().resolve("content/maintenance/upgrade.md")), source.text());
  }

  @Test
  void nginxSnippetIsTheWholeFile() throws IOException {
    String article = Files.readString(Project.root().resolve(ARTICLE));
    Block nginx = blocks(article).stream().filter(b -> b.language().equals("nginx")).findFirst().orElseThrow();
    assertEquals(normalize(Project.builder().build("upgrade").text("nginx.conf")), normalize(nginx.text()));
  }
}
