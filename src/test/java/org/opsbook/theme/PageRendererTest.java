package org.opsbook.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageRendererTest {
  @TempDir Path project;

  @Test
  void aTemplateErrorNamesTheFileTheThemeLookupFoundAndItsLine() throws Exception {
    Path templates = Files.createDirectories(project.resolve("themes/custom/templates"));
    Files.writeString(templates.resolve("page.peb"), "<main>\n\n{{ misspelt }}\n</main>\n");
    Theme theme = Theme.load(project, "custom");
    PageRenderer renderer = new PageRenderer(theme, AssetCatalogue.load(theme), "/");

    ThemeException e = assertThrows(ThemeException.class, () -> renderer.render("page", Map.of()));

    assertEquals("themes/custom/templates/page.peb", e.file());
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("misspelt"), e.getMessage());
  }
}
