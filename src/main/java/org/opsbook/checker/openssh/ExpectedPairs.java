package org.opsbook.checker.openssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The expected side of an sshd or ssh test case: {@code keyword value} pairs, separated by commas
 * or line breaks, such as {@code forcecommand internal-sftp, x11forwarding no}. A piece after a
 * comma that holds no space belongs to the value before it, so comma lists such as {@code ciphers
 * aes128-ctr,aes256-ctr} stay whole.
 */
public final class ExpectedPairs {
  private ExpectedPairs() {}

  /** One expected pair; the keyword in lower case, as {@code sshd -T} and {@code ssh -G} print it. */
  public record Pair(String keyword, String value) {}

  /** The pairs read, or the first piece that is not {@code keyword value} (then {@code pairs} is empty). */
  public record Parsed(List<Pair> pairs, String badPiece) {
    public boolean isReadable() {
      return badPiece == null;
    }
  }

  public static Parsed parse(String expected) {
    List<String> pieces = new ArrayList<>();
    for (String line : expected.split("\n")) {
      for (String piece : line.split(",", -1)) {
        String p = piece.strip();
        if (!pieces.isEmpty() && !p.isEmpty() && p.indexOf(' ') < 0 && p.indexOf('\t') < 0 && !piece.startsWith(" ")) {
          int last = pieces.size() - 1;
          pieces.set(last, pieces.get(last) + "," + p);
        } else {
          pieces.add(p);
        }
      }
    }
    List<Pair> out = new ArrayList<>();
    for (String p : pieces) {
      int space = p.indexOf(' ');
      if (space <= 0) {
        return new Parsed(List.of(), p);
      }
      out.add(new Pair(p.substring(0, space).toLowerCase(Locale.ROOT), p.substring(space + 1).strip()));
    }
    return new Parsed(List.copyOf(out), null);
  }
}
