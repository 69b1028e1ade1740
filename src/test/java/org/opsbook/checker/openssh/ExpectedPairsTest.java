package org.opsbook.checker.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedPairsTest {

  @Test
  void pairsAreSeparatedByCommasOrLineBreaksAndCommaListsStayInTheirValue() {
    ExpectedPairs.Parsed p = ExpectedPairs.parse("ForceCommand internal-sftp, ciphers aes128-ctr,aes256-ctr\n"
        + "  x11forwarding no");
    assertEquals(List.of(new ExpectedPairs.Pair("forcecommand", "internal-sftp"),
        new ExpectedPairs.Pair("ciphers", "aes128-ctr,aes256-ctr"), new ExpectedPairs.Pair("x11forwarding", "no")),
        p.pairs());
  }

  @Test
  void aPieceWithoutAValueIsUnreadable() {
    ExpectedPairs.Parsed p = ExpectedPairs.parse("permittty no, nonsense");
    assertFalse(p.isReadable());
    assertEquals("nonsense", p.badPiece());
  }
}
