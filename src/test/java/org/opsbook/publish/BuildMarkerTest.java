package org.opsbook.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;
import org.opsbook.report.ExitPolicy;
import org.opsbook.report.Report;
import org.opsbook.report.SnippetRecord;

class BuildMarkerTest {
  @TempDir Path site;

  private static Report oneError() {
    return new Report(List.of(Diagnostic.error(new SourceSpan("content/a.md", 3, 1), "sshd.unknown-keyword", "typo")),
        List.of(), List.of(), List.of());
  }

  @Test
  void aReportOnlyBuildWithErrorsRecordsThatItDidNotPass() throws Exception {
    String marker = BuildMarker.json(oneError(), new ExitPolicy(false, -1, true), false);
    assertEquals("{\"generator\":\"opsbook\",\"passed\":false,\"errors\":1,\"warnings\":0,\"testsFailed\":0,"
        + "\"drafts\":false,\"reportOnly\":true,\"snippetsChecked\":0,\"snippetsUnchecked\":0}\n", marker);
    Files.writeString(site.resolve(BuildMarker.FILE_NAME), marker);
    assertEquals(new BuildMarker(false, 1, 0, 0, false), BuildMarker.read(site));
  }

  @Test
  void aCleanBuildPassesAndCountsCheckedAndUncheckedSnippets() throws Exception {
    Report clean = new Report(List.of(), List.of(
        new SnippetRecord(new SourceSpan("content/a.md", 3, 1), "sshd_config", true, List.of()),
        new SnippetRecord(new SourceSpan("content/a.md", 9, 1), "shell", false, List.of())), List.of(), List.of());
    String marker = BuildMarker.json(clean, ExitPolicy.DEFAULT, false);
    assertTrue(marker.contains("\"passed\":true,") && marker.contains("\"snippetsChecked\":1,\"snippetsUnchecked\":1}"),
        marker);
    Files.writeString(site.resolve(BuildMarker.FILE_NAME), marker);
    BuildMarker.read(site).requirePublishable(site);
  }

  @Test
  void aMarkerThatCountsErrorsNeverReadsAsPassed() throws Exception {
    Files.writeString(site.resolve(BuildMarker.FILE_NAME),
        "{\"generator\":\"opsbook\",\"passed\":true,\"errors\":199,\"warnings\":0,\"testsFailed\":0,\"drafts\":false}");
    assertEquals(false, BuildMarker.read(site).passed());
  }

  @Test
  void errorsMayBePublishedWhenAllowedButDraftsNever() throws Exception {
    Files.writeString(site.resolve(BuildMarker.FILE_NAME), BuildMarker.json(oneError(), new ExitPolicy(false, -1, true), false));
    PublishException refused = assertThrows(PublishException.class, () -> BuildMarker.read(site).requirePublishable(site));
    assertTrue(refused.getMessage().contains("--allow-errors"), refused.getMessage());
    BuildMarker.read(site).requirePublishable(site, true);
    Files.writeString(site.resolve(BuildMarker.FILE_NAME), BuildMarker.json(oneError(), new ExitPolicy(false, -1, true), true));
    assertThrows(PublishException.class, () -> BuildMarker.read(site).requirePublishable(site, true));
  }

  @Test
  void garbageOrAForeignOrIncompleteMarkerIsRefusedWithAReason() throws Exception {
    Files.writeString(site.resolve(BuildMarker.FILE_NAME), "{not json");
    PublishException garbage = assertThrows(PublishException.class, () -> BuildMarker.read(site));
    assertTrue(garbage.isRefusal());
    assertTrue(garbage.getMessage().contains("is unreadable"), garbage.getMessage());
    Files.writeString(site.resolve(BuildMarker.FILE_NAME), "{\"generator\":\"hugo\"}");
    assertTrue(assertThrows(PublishException.class, () -> BuildMarker.read(site)).getMessage().contains("not written by opsbook"));
    Files.writeString(site.resolve(BuildMarker.FILE_NAME), "{\"generator\":\"opsbook\",\"errors\":0}");
    assertTrue(assertThrows(PublishException.class, () -> BuildMarker.read(site)).getMessage()
        .endsWith("does not say how the build went; run 'opsbook build' again"));
  }
}
