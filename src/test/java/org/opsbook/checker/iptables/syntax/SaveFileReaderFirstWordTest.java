package org.opsbook.checker.iptables.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SaveFileReaderFirstWordTest {
  @Test
  void theFirstWordIsWhatSplittingAtWhiteSpaceGives() {
    String pool = "-Aa:*\t \n\u000B\f\r\u00A0\u2003#";
    Random random = new Random(9);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder line = new StringBuilder();
      for (int i = 0, k = random.nextInt(8); i < k; i++) {
        line.append(pool.charAt(random.nextInt(pool.length())));
      }
      // The reader hands over lines with white space stripped from both ends.
      String l = line.toString().strip();
      assertEquals(l.split("\\s+")[0], SaveFileReader.firstWord(l), l);
    }
  }
}
