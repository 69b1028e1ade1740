package org.opsbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.opsbook.site.BuildListener;

class ProgressLineTest {
  @Test
  void redrawsAtMostTenTimesASecondAndErasesItselfWhenProcessingEnds() {
    StringWriter text = new StringWriter();
    AtomicLong now = new AtomicLong(0);
    ProgressLine line = new ProgressLine(new PrintWriter(text), now::get);
    line.articlesProcessed(1, 300);
    assertEquals("", text.toString(), "nothing in the first tenth of a second");
    now.set(150_000_000L);
    line.articlesProcessed(120, 300);
    now.set(200_000_000L);
    line.articlesProcessed(121, 300);
    assertEquals("\r\u001b[Kprocessing: 120 of 300 articles, 0.2 s", text.toString());
    line.stageDone("process", Duration.ofMillis(200), "");
    assertTrue(text.toString().endsWith("\r\u001b[K"), "erased before the report is printed");
  }

  @Test
  void noProgressLineForMachineFormatsOrWhenStderrIsNoTerminal() {
    PrintWriter err = new PrintWriter(new StringWriter());
    assertSame(BuildListener.NONE, Listeners.of(Environment.of(Map.of(), true), false, err), "json, sarif, junit, github");
    assertSame(BuildListener.NONE, Listeners.of(Environment.of(Map.of(), false), true, err), "stderr is a file or pipe");
    assertTrue(Listeners.of(Environment.of(Map.of(), true), true, err) instanceof ProgressLine);
  }

  @Test
  void timingLinesNameEachStage() {
    StringWriter text = new StringWriter();
    BuildListener timings = Listeners.of(Environment.of(Map.of("OPSBOOK_TIMING", "1"), false), true, new PrintWriter(text));
    timings.stageDone("assemble", Duration.ofMillis(42), "3 of 9 files made");
    assertEquals("timing: assemble     42 ms  3 of 9 files made\n", text.toString().replace("\r\n", "\n"));
  }
}
