package org.opsbook.checker.apache.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.apache.ConfigReader;
import org.opsbook.checker.apache.catalogue.ModuleSet;
import org.opsbook.checker.apache.model.HttpdConfig;
import org.opsbook.checker.apache.model.Problem;

class ApacheParserFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void readsAnyTextIntoATreeOrProblemsWithinIt(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Snippet s = Snippet.of("apache", text, "f.conf", Map.of());
    int lines = Math.max(1, s.lines().size());
    for (HttpdConfig.Wrapping w : HttpdConfig.Wrapping.values()) {
      ConfigReader.Reading r = ConfigReader.read(s, ModuleSet.defaults(), IncludedFiles.NONE, w);
      for (Problem p : r.problems()) {
        assertTrue(p.at().line() >= 1 && p.at().line() <= lines, p.toString());
        assertTrue(!p.message().isEmpty());
      }
      assertTrue(r.config() != null || r.firstFatal().isPresent(), "no config without a fatal problem");
    }
  }
}
