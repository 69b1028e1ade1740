package org.opsbook.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Where in a YAML text a parser error is, counted the way opsbook counts every position: lines end
 * at {@code \n} only. YAML also ends lines at a lone CR, NEL, LS and PS, so the parser's own line
 * number can point past the end of the file; its character offset cannot (found by fuzzing
 * opsbook.yaml). For the same reason {@link #reason} leaves out the parser's own excerpt of the
 * text, which names its line numbers.
 *
 * @param line 1-based
 * @param column 1-based
 */
public record YamlLocation(int line, int column) {
  /**
   * Where the YAML parser found the problem it reports: SnakeYAML's own mark of the problem
   * (Jackson's location is that of the last token it read, often a line or more before); when the
   * problem is the end of the text, or SnakeYAML gives no mark, Jackson's location.
   */
  public static YamlLocation of(String text, JsonProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        Locator locator = new Locator(text);
        YamlLocation where = locator.atCodePoint(marked.getProblemMark().getIndex());
        // At the end of the text ("never closed") the last token read is nearer the mistake.
        if (text.substring(locator.chars).isBlank()) {
          break;
        }
        return where;
      }
    }
    return of(text, e.getLocation());
  }

  /** The position of {@code at} in {@code text}; line 1, column 1 when the parser gave none. */
  public static YamlLocation of(String text, JsonLocation at) {
    return new Locator(text).of(at);
  }

  /**
   * Places the parser's locations in one text. Locations that come in order, as a parser's tokens
   * do, cost one pass over the text together; each {@link YamlLocation#of(String, JsonLocation)}
   * alone walks it from the start.
   */
  public static final class Locator {
    private final String text;
    private long codePoints;
    private int chars;
    private int line = 1;
    private int lineStart;

    public Locator(String text) {
      this.text = text;
    }

    /** The position of {@code at}; line 1, column 1 when the parser gave none. */
    public YamlLocation of(JsonLocation at) {
      if (at == null) {
        return new YamlLocation(1, 1);
      }
      long offset = at.getCharOffset();
      if (offset < 0) {
        return new YamlLocation(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
      }
      return atCodePoint(offset);
    }

    /**
     * The position after {@code offset} code points: the parser counts an emoji as one, where a
     * String has two chars. Lines end at {@code \n} only.
     */
    private YamlLocation atCodePoint(long offset) {
      if (offset < codePoints) {
        codePoints = 0;
        chars = 0;
        line = 1;
        lineStart = 0;
      }
      while (codePoints < offset && chars < text.length()) {
        char c = text.charAt(chars);
        chars += Character.charCount(text.codePointAt(chars));
        codePoints++;
        if (c == '\n') {
          line++;
          lineStart = chars;
        }
      }
      return new YamlLocation(line, chars - lineStart + 1);
    }
  }

  /**
   * What is wrong, in one line and in opsbook's words where the YAML parser's problem is a known
   * one (an unclosed list, a stray ': ', a tab); else the parser's context and problem (such as
   * "while parsing a block node: expected the node content, but found ']'"), else the first line
   * of the message.
   */
  public static String reason(JsonProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException marked && marked.getProblem() != null) {
        String context = marked.getContext() == null ? "" : marked.getContext();
        String problem = marked.getProblem();
        String words = inOwnWords(context, problem);
        if (words != null) {
          return words;
        }
        return context.isBlank() ? problem : context + ": " + problem;
      }
    }
    String message = e.getOriginalMessage();
    return message == null ? "unreadable YAML" : message.lines().findFirst().orElse("unreadable YAML").strip();
  }

  /** A token SnakeYAML names in a problem, as in "but found ']'" or "found character '@'". */
  private static final java.util.regex.Pattern FOUND = java.util.regex.Pattern.compile("found (?:character )?'([^']*)'");

  /**
   * The problems SnakeYAML reports most (its Scanner and Parser messages), said as what the writer
   * did; null for any other.
   */
  private static String inOwnWords(String context, String problem) {
    java.util.regex.Matcher found = FOUND.matcher(problem);
    String token = found.find() ? found.group(1) : null;
    if (context.equals("while parsing a flow sequence") && problem.startsWith("expected ',' or ']'")) {
      return "a list opened with '[' is not closed: ']' or a ',' is missing before this point";
    }
    if (context.equals("while parsing a flow mapping") && problem.startsWith("expected ',' or '}'")) {
      return "a mapping opened with '{' is not closed: '}' or a ',' is missing before this point";
    }
    if (problem.startsWith("expected the node content") && "<stream end>".equals(token)) {
      return "a '[' or '{' is never closed";
    }
    if (problem.startsWith("expected the node content") && token != null && !token.startsWith("<")) {
      return "a value cannot start with '" + token + "'; put the value in quotes";
    }
    if (problem.equals("mapping values are not allowed here")) {
      return "a ': ' where no key may start: a value that contains ': ' needs quotes, and a key must line up with"
          + " the keys above it";
    }
    if (problem.startsWith("found character '\\t")) {
      return "a tab character: YAML indents with spaces only";
    }
    if (problem.contains("that cannot start any token") && token != null) {
      return "a value cannot start with '" + token + "'; put the value in quotes";
    }
    if (context.equals("while scanning a quoted scalar") && problem.equals("found unexpected end of stream")) {
      return "a quoted value is never closed";
    }
    if (problem.equals("could not find expected ':'")) {
      return "a line that is not 'key: value', or a continued value indented less than its key";
    }
    if ((context.equals("while parsing a block mapping") || context.equals("while parsing a block collection"))
        && problem.startsWith("expected <block end>")) {
      return "this line does not line up with the " + (context.endsWith("mapping") ? "keys" : "list items")
          + " above it: check its indentation";
    }
    return null;
  }
}
