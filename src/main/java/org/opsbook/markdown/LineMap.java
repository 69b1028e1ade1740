package org.opsbook.markdown;

import java.util.Arrays;
import org.opsbook.diag.SourceSpan;

/**
 * Turns offsets in a Markdown body into positions in the file the author edits, which has the
 * front matter above the body.
 */
final class LineMap {
  private final String file;
  private final int firstLine;
  private final int[] lineStarts;

  /**
   * @param body the Markdown text flexmark parsed
   * @param file how diagnostics name the file
   * @param firstLine the file line on which {@code body} starts (1-based)
   */
  LineMap(String body, String file, int firstLine) {
    this.file = file;
    this.firstLine = firstLine;
    int[] starts = new int[16];
    int count = 1;
    for (int nl = body.indexOf('\n'); nl >= 0; nl = body.indexOf('\n', nl + 1)) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = nl + 1;
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  /** The 0-based body line containing an offset. */
  public int bodyLine(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return i >= 0 ? i : -i - 2;
  }

  /** The 1-based column of an offset within its line. */
  public int column(int offset) {
    return offset - lineStarts[bodyLine(offset)] + 1;
  }

  public SourceSpan at(int offset) {
    return new SourceSpan(file, firstLine + bodyLine(offset), column(offset));
  }

  public String file() {
    return file;
  }
}
