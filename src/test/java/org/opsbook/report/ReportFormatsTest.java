package org.opsbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatsTest {
  @Test
  void everyNameGivesTheFormatOfThatName() {
    assertEquals(List.of("text", "json", "sarif", "junit", "github"), ReportFormats.names());
    for (String name : ReportFormats.names()) {
      assertEquals(name, ReportFormats.byName(name).orElseThrow().name());
    }
    assertTrue(ReportFormats.byName("yaml").isEmpty());
  }
}
