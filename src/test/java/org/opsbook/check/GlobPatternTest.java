package org.opsbook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobPatternTest {

  @Test
  void matchesOneComponentAtATime() {
    assertTrue(GlobPattern.matches("/etc/ssh/sshd_config.d/*.conf", "/etc/ssh/sshd_config.d/10-hardening.conf"));
    assertFalse(GlobPattern.matches("/etc/ssh/*.conf", "/etc/ssh/sshd_config.d/10.conf"));
    assertFalse(GlobPattern.matches("/etc/ssh/sshd_config.d/*.conf", "/etc/ssh/sshd_config.d/10.conf.bak"));
    assertTrue(GlobPattern.matches("/etc/nginx/sites-enabled/*", "/etc/nginx/sites-enabled/default"));
    assertTrue(GlobPattern.matches("/a/?b", "/a/xb"));
    assertFalse(GlobPattern.matches("/a/?b", "/a/b"));
  }

  @Test
  void leadingDotsAndBracketsFollowGlob7() {
    assertFalse(GlobPattern.matches("/etc/ssh/sshd_config.d/*", "/etc/ssh/sshd_config.d/.hidden"));
    assertTrue(GlobPattern.matches("/etc/ssh/sshd_config.d/.*", "/etc/ssh/sshd_config.d/.hidden"));
    assertTrue(GlobPattern.matches("/x/[0-9][0-9]-*.conf", "/x/50-cloud-init.conf"));
    assertFalse(GlobPattern.matches("/x/[!0-9]*", "/x/5a"));
    assertTrue(GlobPattern.matches("/x/[]a]", "/x/]"));
    assertTrue(GlobPattern.matches("/x/\\*", "/x/*"));
    assertFalse(GlobPattern.matches("/x/\\*", "/x/a"));
  }

  @Test
  void manyStarsStayFast() {
    String pattern = "/" + "*a".repeat(30) + "b";
    assertFalse(GlobPattern.matches(pattern, "/" + "a".repeat(5000)));
  }

  @Test
  void snippetsStandForTheFilesTheyNameSortedAndFirstWins() {
    Snippet main = Snippet.of("sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\n", "a.md", Map.of("file", "/etc/ssh/sshd_config"));
    Snippet b = Snippet.of("sshd_config", "X 1\n", "a.md", Map.of("file", "/etc/ssh/sshd_config.d/50-b.conf"));
    Snippet a = Snippet.of("sshd_config", "X 2\n", "a.md", Map.of("file", "/etc/ssh/sshd_config.d/10-a.conf"));
    Snippet again = Snippet.of("sshd_config", "X 3\n", "a.md", Map.of("file", "/etc/ssh/sshd_config.d/10-a.conf"));
    IncludedFiles files = IncludedFiles.ofSnippets(List.of(main, b, a, again));
    assertEquals(List.of(a, b), files.matching("/etc/ssh/sshd_config.d/*.conf"));
    assertEquals(List.of(), IncludedFiles.NONE.matching("/etc/ssh/sshd_config.d/*.conf"));
  }
}
