package org.opsbook.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/** Two publishes to one target at once take turns: each release is complete when it goes live. */
class ConcurrentPublishTest {
  @TempDir Path tmp;

  // Repeated: the overlap differs from run to run; about one run in thirty met the other
  // publish's temporary .gz file.
  @RepeatedTest(10)
  void twoPublishesAtOnceEachMakeACompleteReleaseLive() throws Exception {
    Path site = tmp.resolve("site");
    SiteFixture.write(site, "v1");
    for (int i = 0; i < 20; i++) {
      Files.writeString(site.resolve("page-" + i + ".html"), "<p>page " + i + "</p>\n");
    }
    Path www = tmp.resolve("www");
    // A slow copy, so that the two uploads overlap unless the lock keeps them apart.
    LocalReleaseStore.FileCopier slow = (from, to) -> {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Files.copy(from, to);
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Callable<String> publish = () -> SiteFixture.publisher(new LocalReleaseStore(www, slow), 0, new StringWriter())
            .publish(site, 5, false);
        results.add(pool.submit(publish));
      }
      List<String> names = new ArrayList<>();
      for (Future<String> f : results) {
        names.add(f.get());
      }
      assertEquals(2, names.stream().distinct().count(), "two releases: " + names);
      long expected;
      try (Stream<Path> files = Files.walk(site)) {
        expected = files.filter(Files::isRegularFile)
            .filter(f -> !OutputManifest.isBookkeeping(site.relativize(f).toString())).count();
      }
      for (String name : names) {
        try (Stream<Path> files = Files.walk(www.resolve("releases").resolve(name))) {
          assertEquals(expected, files.filter(Files::isRegularFile).count(), "release " + name + " is complete");
        }
      }
      assertTrue(names.contains(Files.readSymbolicLink(www.resolve("current")).getFileName().toString()));
      try (Stream<Path> left = Files.list(www.resolve("releases"))) {
        assertEquals(List.of(), left.filter(f -> f.getFileName().toString().startsWith(".incoming-")).toList());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
