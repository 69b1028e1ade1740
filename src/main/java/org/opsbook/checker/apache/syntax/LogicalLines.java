package org.opsbook.checker.apache.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.Snippet;
import org.opsbook.checker.apache.model.ConfWords;
import org.opsbook.checker.apache.model.LineText;

/**
 * Splits a file into the logical lines httpd reads (util.c, ap_cfg_getline): a backslash right
 * before the end of a physical line (optionally followed by a carriage return) joins the next
 * line in its place; leading and trailing white space is removed. Blank lines are dropped here;
 * comment lines (a {@code #} first after trimming, continued lines included) are kept for the
 * caller to skip, because httpd skips them at a different step than blank ones.
 */
final class LogicalLines {
  private LogicalLines() {}

  static List<LineText> read(Snippet source) {
    String text = source.text();
    List<LineText> out = new ArrayList<>();
    StringBuilder buf = new StringBuilder();
    List<int[]> pos = new ArrayList<>();
    int line = 1;
    int firstLine = 1;
    int i = 0;
    while (i < text.length()) {
      int nl = text.indexOf('\n', i);
      int end = nl < 0 ? text.length() : nl;
      if (buf.isEmpty()) {
        firstLine = line;
      }
      for (int k = i; k < end; k++) {
        buf.append(text.charAt(k));
        pos.add(new int[] {line, k - i + 1});
      }
      boolean continued = false;
      if (nl >= 0) {
        // config.c's getline: match "\\\n" or "\\\r\n" and drop the backslash (and the CR).
        int len = buf.length();
        int cut = len;
        if (cut > 0 && buf.charAt(cut - 1) == '\r') {
          cut--;
        }
        if (cut > 0 && buf.charAt(cut - 1) == '\\') {
          buf.setLength(cut - 1);
          pos.subList(cut - 1, len).clear();
          continued = true;
        }
      }
      if (!continued) {
        add(out, buf, pos, source, firstLine, line);
      }
      line++;
      i = nl < 0 ? text.length() : nl + 1;
    }
    if (!buf.isEmpty()) {
      add(out, buf, pos, source, firstLine, line - 1);
    }
    return out;
  }

  private static void add(List<LineText> out, StringBuilder buf, List<int[]> pos, Snippet source, int first, int last) {
    int s = 0;
    int e = buf.length();
    while (s < e && ConfWords.isSpace(buf.charAt(s))) {
      s++;
    }
    while (e > s && ConfWords.isSpace(buf.charAt(e - 1))) {
      e--;
    }
    if (s < e) {
      int[] lines = new int[e - s];
      int[] cols = new int[e - s];
      for (int k = s; k < e; k++) {
        lines[k - s] = pos.get(k)[0];
        cols[k - s] = pos.get(k)[1];
      }
      out.add(new LineText(buf.substring(s, e), lines, cols, source, first, last));
    }
    buf.setLength(0);
    pos.clear();
  }
}
