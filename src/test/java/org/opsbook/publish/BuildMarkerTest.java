package org.opsbook.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildMarkerTest {
  @TempDir Path site;

  @Test
  void readsWhatJsonWrites() throws Exception {
    Files.writeString(site.resolve(BuildMarker.FILE_NAME), BuildMarker.json(0, 4, 0, false));
    assertEquals(new BuildMarker(0, 4, 0, false), BuildMarker.read(site));
    assertEquals("{\"generator\":\"opsbook\",\"errors\":2,\"warnings\":0,\"testsFailed\":1,\"drafts\":true}\n",
        BuildMarker.json(2, 0, 1, true));
  }

  @Test
  void garbageOrAForeignMarkerIsRefusedWithAReason() throws Exception {
    Files.writeString(site.resolve(BuildMarker.FILE_NAME), "{not json");
    PublishException garbage = assertThrows(PublishException.class, () -> BuildMarker.read(site));
    assertTrue(garbage.isRefusal());
    assertTrue(garbage.getMessage().contains("is unreadable"), garbage.getMessage());
    Files.writeString(site.resolve(BuildMarker.FILE_NAME), "{\"generator\":\"hugo\"}");
    assertTrue(assertThrows(PublishException.class, () -> BuildMarker.read(site)).getMessage().contains("not written by opsbook"));
  }

  @Test
  void aMarkerWithoutCountsIsNotPublishable() throws Exception {
    Files.writeString(site.resolve(BuildMarker.FILE_NAME), "{\"generator\":\"opsbook\"}");
    BuildMarker marker = BuildMarker.read(site);
    assertTrue(assertThrows(PublishException.class, () -> marker.requirePublishable(site))
        .getMessage().endsWith("does not say how the build went; run 'opsbook build' again"));
  }
}
