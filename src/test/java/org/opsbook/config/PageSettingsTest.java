package org.opsbook.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.diag.Diagnostic;

/** {@code pagination}, {@code repo_url} and {@code edit_path}: read when well formed, an error at their line when not. */
class PageSettingsTest {
  private static SiteConfig load(String yaml) throws ConfigException {
    return new ConfigLoader(CheckerRegistry.of(List.of())).parse(yaml, "opsbook.yaml");
  }

  private static Diagnostic onlyProblem(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
    assertEquals(1, e.diagnostics().size(), e.diagnostics().toString());
    Diagnostic d = e.diagnostics().get(0);
    assertEquals("opsbook.config", d.rule().value());
    return d;
  }

  @Test
  void listsStayOnOnePageAndPagesHaveNoEditLinkUnlessConfigured() throws Exception {
    SiteConfig config = load("title: t\n");
    assertEquals(0, config.pageSize());
    assertEquals("", config.edit().url("articles/x/index.md"));
    assertFalse(config.hasBaseUrl());
  }

  @Test
  void aPageSizeCutsLists() throws Exception {
    assertEquals(25, load("title: t\npagination:\n  page_size: 25\n").pageSize());
    assertEquals(0, load("pagination:\n  page_size: 0\n").pageSize());
  }

  @Test
  void editLinksJoinTheRepositoryTheEditPathAndTheContentPath() throws Exception {
    SiteConfig config = load("repo_url: https://github.com/example/runbooks\nedit_path: edit/main/content\n");
    assertEquals("https://github.com/example/runbooks/edit/main/content/articles/tls notes/index.md",
        config.edit().url("articles/tls notes/index.md").replace("%20", " "));
    assertTrue(config.edit().url("articles/tls notes/index.md").contains("tls%20notes"), "spaces are encoded");
    assertEquals("https://git.example.org/ops/-/edit/main/content/about.md",
        load("repo_url: https://git.example.org/ops/\nedit_path: \"-/edit/main/content/\"\n").edit().url("about.md"));
  }

  @Test
  void aBaseUrlMakesTheSitePublic() throws Exception {
    assertTrue(load("base_url: https://docs.example.org/\n").hasBaseUrl());
  }

  @Test
  void aNegativeOrWordyPageSizeIsAnErrorAtItsLine() {
    Diagnostic d = onlyProblem("title: t\npagination:\n  page_size: -3\n");
    assertEquals(3, d.where().line());
    assertEquals("pagination.page_size '-3' must be a whole number, 0 or more", d.message());
    assertEquals(3, onlyProblem("title: t\npagination:\n  page_size: ten\n").where().line());
    assertEquals(3, onlyProblem("title: t\npagination:\n  page_size: 2.5\n").where().line());
  }

  @Test
  void paginationMustBeAMappingOfKnownKeys() {
    Diagnostic notMapping = onlyProblem("title: t\npagination: 20\n");
    assertEquals(2, notMapping.where().line());
    assertEquals("pagination must be a mapping, such as 'page_size: 20'", notMapping.message());
    Diagnostic unknown = onlyProblem("title: t\npagination:\n  page_size: 2\n  per_page: 3\n");
    assertEquals(4, unknown.where().line());
    assertEquals("unknown setting 'pagination.per_page'", unknown.message());
  }

  @Test
  void anEditLinkNeedsBothKeys() {
    Diagnostic d = onlyProblem("title: t\nrepo_url: https://github.com/example/runbooks\n");
    assertEquals(2, d.where().line());
    assertEquals("repo_url is set but edit_path is not; edit links need both", d.message());
    assertEquals(3, onlyProblem("title: t\n\nedit_path: edit/main/content/\n").where().line());
  }

  @Test
  void aRepositoryAddressMustBeHttpAndAnEditPathMustStayBelowIt() {
    Diagnostic scheme = onlyProblem("repo_url: git@github.com:example/runbooks.git\nedit_path: edit/main/content/\n");
    assertEquals(1, scheme.where().line());
    assertTrue(scheme.message().startsWith("repo_url 'git@github.com:example/runbooks.git' is not an http"), scheme.message());
    Diagnostic up = onlyProblem("repo_url: https://github.com/example/runbooks\nedit_path: edit/../../other/\n");
    assertEquals(2, up.where().line());
    assertEquals(2, onlyProblem("repo_url: https://github.com/e/r\nedit_path: /edit/main/\n").where().line());
  }
}
