package org.opsbook.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SiteFilesTest {
  @Test
  void aSiteMadeFromChangesHoldsWhatAMapOfEveryFileWould() {
    Random random = new Random(3);
    Map<String, byte[]> expected = new TreeMap<>();
    SiteFiles site = SiteFiles.EMPTY;
    List<SiteFiles> earlier = new ArrayList<>();
    List<Map<String, byte[]>> earlierExpected = new ArrayList<>();
    for (int round = 0; round < 300; round++) {
      Map<String, byte[]> changed = new HashMap<>();
      // Mostly a few files, now and then many: both the layered and the folded kind are made.
      int n = round == 0 || random.nextInt(20) == 0 ? 400 : 1 + random.nextInt(5);
      for (int i = 0; i < n; i++) {
        String path = "p/" + random.nextInt(500) + ".html";
        byte[] bytes = random.nextInt(4) == 0 ? null : new byte[] {(byte) round, (byte) i};
        changed.put(path, bytes);
      }
      changed.forEach((path, bytes) -> {
        if (bytes == null) {
          expected.remove(path);
        } else {
          expected.put(path, bytes);
        }
      });
      site = site.with(changed);
      assertSame(expected, site);
      earlier.add(site);
      earlierExpected.add(new TreeMap<>(expected));
    }
    // A site once made never changes, whatever is made from it later.
    for (int i = 0; i < earlier.size(); i += 37) {
      assertSame(earlierExpected.get(i), earlier.get(i));
    }
  }

  private static void assertSame(Map<String, byte[]> expected, SiteFiles site) {
    assertEquals(expected.keySet(), site.paths());
    assertEquals(expected.size(), site.size());
    for (int i = 0; i < 500; i++) {
      String path = "p/" + i + ".html";
      assertTrue(expected.containsKey(path) == site.get(path).isPresent(), path);
      if (expected.containsKey(path)) {
        assertArrayEquals(expected.get(path), site.get(path).get(), path);
      }
    }
  }
}
