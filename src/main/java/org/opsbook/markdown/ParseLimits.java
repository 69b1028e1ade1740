package org.opsbook.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.opsbook.check.CoreRules;
import org.opsbook.diag.Diagnostic;

/**
 * Keeps flexmark within its stack. flexmark parses and renders recursively, and Java's regex
 * engine recurses for each repetition of a group, so hostile Markdown overflowed the stack: 1,000
 * nested lists or quotes while rendering, a 20,000-character line of {@code *} while parsing.
 *
 * <p>After parsing, a document nested deeper than {@value #MAX_NESTING} levels (lists, quotes and
 * inline elements inside inline elements) is cut at that depth, so that rendering and every walk
 * over the tree stay shallow. A parse that overflows anyway is retried with the line that
 * overflowed blanked out; the line is found by parsing ever shorter prefixes. Each limit reached
 * is recorded in the document and reported as {@code opsbook.markdown-limit} at its line.
 */
public final class ParseLimits {
  /** Nesting deeper than real writing needs, and well within a 512 KiB thread stack while rendering. */
  static final int MAX_NESTING = 100;
  /** Four columns a level: list items need two to four columns of indentation to nest. */
  static final int MAX_INDENT = 4 * MAX_NESTING;
  private static final int MAX_RETRIES = 3;
  private static final int MAX_RECORDED = 20;

  /** A limit reached: where in the parsed text, and what happened. */
  record Problem(int offset, String message) {}

  private static final DataKey<List<Problem>> PROBLEMS = new DataKey<>("OPSBOOK_PARSE_LIMITS", List.of());

  private ParseLimits() {}

  /** Parses {@code text}, never overflowing the stack; the limits reached are in the document. */
  static Document parse(Parser parser, String text) {
    List<Problem> blanked = new ArrayList<>();
    String current = blankDeepLines(text, blanked);
    for (int attempt = 0; ; attempt++) {
      Document document;
      try {
        document = parser.parse(current);
      } catch (StackOverflowError e) {
        int offset = attempt < MAX_RETRIES ? firstOverflowingLine(parser, current) : 0;
        blanked.add(new Problem(offset, attempt < MAX_RETRIES
            ? "this line nests too deeply or is too long for the Markdown parser; it is left out"
            : "the Markdown nests too deeply or has constructs too long for the parser; the page is left empty"));
        current = attempt < MAX_RETRIES ? blank(current, offset) : "";
        continue;
      }
      // The cut first: it names where the nesting went too deep, the blanked lines come after it.
      cutDeepNesting(document);
      blanked.forEach(p -> record(document, p.offset(), p.message()));
      return document;
    }
  }

  /**
   * Blanks each line that flexmark would nest more than {@link #MAX_NESTING} levels deep on its
   * own, before parsing: one that opens that many lists or quotes ({@code - - - - x} or {@code > > >
   * x} thousands of times), whose work grows with the square of the containers it opens; and one
   * indented more than {@value #MAX_INDENT} columns, because each line's work grows with the depth
   * of the lists its indentation continues (1,000 nested lists took 17 s with the launcher's C1
   * compiler). Lines inside fenced code blocks are left as they are.
   */
  private static String blankDeepLines(String text, List<Problem> blanked) {
    StringBuilder out = null;
    int lineStart = 0;
    String fence = null;
    while (lineStart < text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      lineEnd = lineEnd < 0 ? text.length() : lineEnd;
      LineStart line = LineStart.of(text, lineStart, lineEnd);
      String marker = line.fenceMarker(text, lineEnd);
      if (fence != null) {
        if (marker != null && marker.charAt(0) == fence.charAt(0) && marker.length() >= fence.length()) {
          fence = null;
        }
      } else if (marker != null) {
        fence = marker;
      } else if (line.tooDeepAt() >= 0 || line.indent() > MAX_INDENT) {
        blanked.add(line.tooDeepAt() >= 0
            ? new Problem(line.tooDeepAt(), "this line opens more than " + MAX_NESTING + " lists or quotes inside each"
                + " other (or is a run of markers too long for the Markdown parser); it is left out")
            : new Problem(lineStart, "this line is indented more than " + MAX_INDENT + " columns, as deep as more than "
                + MAX_NESTING + " nested lists; it is left out"));
        if (out == null) {
          out = new StringBuilder(text);
        }
        for (int i = lineStart; i < lineEnd; i++) {
          out.setCharAt(i, ' ');
        }
      }
      lineStart = lineEnd + 1;
    }
    return out == null ? text : out.toString();
  }

  /**
   * How a line starts: its indentation in columns (a tab to the next multiple of 4), where its
   * content begins after the container markers ({@code >}, {@code -}, {@code +}, {@code *},
   * {@code 1.} or {@code 1)} followed by a blank, a task box after a bullet), and the offset of the
   * marker past {@link #MAX_NESTING}, or -1.
   */
  private record LineStart(int indent, int contentAt, int tooDeepAt) {
    static LineStart of(String text, int from, int to) {
      int indent = 0;
      int i = from;
      while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        indent = text.charAt(i) == '\t' ? (indent / 4 + 1) * 4 : indent + 1;
        i++;
      }
      int count = 0;
      while (i < to) {
        char c = text.charAt(i);
        if (c == ' ' || c == '\t') {
          i++;
          continue;
        }
        int next = markerEnd(text, i, to);
        if (next < 0) {
          break;
        }
        if (++count > MAX_NESTING) {
          return new LineStart(indent, i, i);
        }
        i = next;
      }
      return new LineStart(indent, i, -1);
    }

    /** The fence ({@code ```} or {@code ~~~}, three or more) the line's content starts with, or null. */
    String fenceMarker(String text, int to) {
      int i = contentAt;
      if (i >= to || (text.charAt(i) != '`' && text.charAt(i) != '~')) {
        return null;
      }
      char c = text.charAt(i);
      int j = i;
      while (j < to && text.charAt(j) == c) {
        j++;
      }
      return j - i >= 3 ? text.substring(i, j) : null;
    }
  }

  /** Where the container marker at {@code i} ends, or -1 when none starts there. */
  private static int markerEnd(String text, int i, int to) {
    char c = text.charAt(i);
    if (c == '>') {
      return i + 1;
    }
    if ((c == '-' || c == '+' || c == '*') && blankOrEnd(text, i + 1, to)) {
      int next = i + 1;
      if (next + 3 < to && text.charAt(next) == ' ' && text.charAt(next + 1) == '['
          && " xX".indexOf(text.charAt(next + 2)) >= 0 && text.charAt(next + 3) == ']') {
        next += 4;
      }
      return next;
    }
    if (c >= '0' && c <= '9') {
      int j = i;
      while (j < to && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
        j++;
      }
      if (j < to && (text.charAt(j) == '.' || text.charAt(j) == ')') && blankOrEnd(text, j + 1, to)) {
        return j + 1;
      }
    }
    return -1;
  }

  private static boolean blankOrEnd(String text, int i, int to) {
    return i >= to || text.charAt(i) == ' ' || text.charAt(i) == '\t';
  }

  /** Records a limit reached at {@code offset} in the document's text. */
  static void record(Document document, int offset, String message) {
    if (document == null) {
      return;
    }
    List<Problem> known = PROBLEMS.get(document);
    if (known.size() < MAX_RECORDED) {
      List<Problem> more = new ArrayList<>(known);
      more.add(new Problem(offset, message));
      document.set(PROBLEMS, List.copyOf(more));
    }
  }

  /** The limits reached while parsing {@code document}, as diagnostics. */
  public static List<Diagnostic> diagnostics(Document document, LineMap lines) {
    List<Diagnostic> out = new ArrayList<>();
    for (Problem p : PROBLEMS.get(document)) {
      out.add(CoreRules.diagnostic(CoreRules.MARKDOWN_LIMIT, lines.at(p.offset()), p.message(),
          "simplify the Markdown here: no reader follows lists or quotes nested this deep"));
    }
    return out;
  }

  /** Removes what lies deeper than {@link #MAX_NESTING} levels, recording the first cut. Iterative. */
  private static void cutDeepNesting(Document document) {
    record Visit(Node node, int level) {}
    Deque<Visit> stack = new ArrayDeque<>();
    stack.push(new Visit(document, 0));
    boolean reported = false;
    while (!stack.isEmpty()) {
      Visit v = stack.pop();
      for (Node child = v.node().getFirstChild(); child != null; child = child.getNext()) {
        int level = v.level() + (nests(child) ? 1 : 0);
        if (level > MAX_NESTING) {
          if (!reported) {
            record(document, child.getStartOffset(), "the Markdown nests more than " + MAX_NESTING
                + " levels deep here (lists, quotes or emphasis inside each other); what lies deeper is left out");
            reported = true;
          }
          child.removeChildren();
        } else if (child.hasChildren()) {
          stack.push(new Visit(child, level));
        }
      }
    }
  }

  /** Lists and quotes nest blocks; an inline element with children nests inline elements. */
  private static boolean nests(Node node) {
    return node instanceof ListBlock || node instanceof BlockQuote || !(node instanceof Block) && node.hasChildren();
  }

  /** The start offset of the first line whose prefix of the text makes the parser overflow. */
  private static int firstOverflowingLine(Parser parser, String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = text.indexOf('\n'); i >= 0 && i + 1 < text.length(); i = text.indexOf('\n', i + 1)) {
      starts.add(i + 1);
    }
    // Invariant: the prefix ending before line lo parses; the prefix through line hi overflows.
    int lo = 0;
    int hi = starts.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int end = mid + 1 < starts.size() ? starts.get(mid + 1) : text.length();
      if (overflows(parser, text.substring(0, end))) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return starts.get(lo);
  }

  private static boolean overflows(Parser parser, String text) {
    try {
      parser.parse(text);
      return false;
    } catch (StackOverflowError e) {
      return true;
    }
  }

  /** The text with the line at {@code offset} replaced by spaces, so every other offset stays. */
  private static String blank(String text, int offset) {
    int end = text.indexOf('\n', offset);
    end = end < 0 ? text.length() : end;
    StringBuilder b = new StringBuilder(text);
    for (int i = offset; i < end; i++) {
      b.setCharAt(i, ' ');
    }
    return b.toString();
  }
}
