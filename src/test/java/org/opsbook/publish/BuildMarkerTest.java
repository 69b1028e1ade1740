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

class BuildMarkerTest {
  @TempDir Path site;

  private static Report oneError() {
    return new Report(List.of(Diagnostic.error(new SourceSpan("content/a.md", 3, 1), "sshd.unknown-keyword", "typo")),
        List.of(), List.of(), List.of());
  }

  @Test
  void recordsTheBuildsOwnVerdictSoReportOnlyBuildsPublish() throws Exception {
    assertEquals("{\"generator\":\"opsbook\",\"passed\":false,\"errors\":1,\"warnings\":0,\"testsFailed\":0,\"drafts\":false}\n",
        BuildMarker.json(oneError(), ExitPolicy.DEFAULT, false));
    Files.writeString(site.resolve(BuildMarker.FILE_NAME), BuildMarker.json(oneError(), new ExitPolicy(false, -1, true), false));
    BuildMarker marker = BuildMarker.read(site);
    assertEquals(new BuildMarker(true, 1, 0, 0, false), marker);
    marker.requirePublishable(site);
  }

  @Test
  void aFailedBuildIsRefusedWithItsCounts() throws Exception {
    Files.writeString(site.resolve(BuildMarker.FILE_NAME), BuildMarker.json(oneError(), ExitPolicy.DEFAULT, false));
    PublishException e = assertThrows(PublishException.class, () -> BuildMarker.read(site).requirePublishable(site));
    assertTrue(e.isRefusal());
    assertTrue(e.getMessage().contains("failed (errors: 1, warnings: 0, failed tests: 0)"), e.getMessage());
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
