package org.opsbook.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillFileTest {
  @TempDir Path dir;

  @Test
  void whatThreadsKeepAtOnceComesBackAsItWasAndTheFileHasNoName() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (SpillFile spill = SpillFile.in(dir)) {
      try (var names = Files.list(dir)) {
        assertEquals(List.of(), names.toList(), "unlinked as soon as it is open");
      }
      List<Future<List<Object[]>>> jobs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        jobs.add(pool.submit(() -> {
          Random random = new Random(seed);
          List<Object[]> kept = new ArrayList<>();
          for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[random.nextInt(3000)];
            random.nextBytes(bytes);
            kept.add(new Object[] {bytes.clone(), spill.keep(bytes)});
          }
          kept.add(new Object[] {"größe 日本語 𝒳".getBytes(StandardCharsets.UTF_8), spill.keep("größe 日本語 𝒳")});
          return kept;
        }));
      }
      long total = 0;
      for (Future<List<Object[]>> job : jobs) {
        for (Object[] pair : job.get()) {
          byte[] expected = (byte[]) pair[0];
          KeptBytes kept = (KeptBytes) pair[1];
          assertArrayEquals(expected, kept.bytes());
          total += expected.length;
        }
      }
      assertEquals(total, spill.size());
      KeptBytes text = spill.keep("größe 日本語 𝒳");
      assertEquals("größe 日本語 𝒳", text.text());
      assertEquals(KeptBytes.Store.MEMORY.keep("größe 日本語 𝒳"), text, "equal to the same text kept in memory");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedWriteSaysItIsTheSpillFileBesideTheOutput() throws Exception {
    SpillFile spill = SpillFile.in(dir);
    spill.close();
    SpillFile.WriteFailure e = assertThrows(SpillFile.WriteFailure.class, () -> spill.keep(new byte[10]));
    assertTrue(e.getMessage().startsWith("cannot write the build's spill file in the staging folder"), e.getMessage());
  }
}
