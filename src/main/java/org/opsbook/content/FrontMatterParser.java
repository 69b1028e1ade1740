package org.opsbook.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;
import org.opsbook.diag.SourceSpan;

/**
 * Splits a Markdown file into YAML front matter and body, and validates the fields every article
 * and page shares. Thread-safe.
 */
public final class FrontMatterParser {
  static final RuleId RULE = org.opsbook.check.CoreRules.FRONT_MATTER;
  /**
   * Tags and aliases an article may have. Each tag is a page that lists its articles with all their
   * tags, so the site grows with the square of an article's tags: a build with 50,000 was
   * still writing tag pages after ten minutes.
   */
  static final int MAX_LIST = 100;
  /**
   * Characters of front matter read: a few lines in practice. SnakeYAML took ten seconds of CPU
   * to turn down a 4 MB value at its own limit of about 3 million characters.
   */
  static final int MAX_YAML = 64 * 1024;
  private static final Set<String> KNOWN = Set.of("title", "date", "updated", "tags", "summary", "draft", "aliases");

  /**
   * Parses one file's text.
   *
   * @param text the whole file
   * @param file how diagnostics name the file
   * @param kind articles need a date; pages do not
   * @param extraKeys further keys this kind of page accepts without a warning
   */
  public ParsedSource parse(String text, String file, Kind kind, Set<String> extraKeys) {
    String normalized = text.startsWith("\uFEFF") ? text.substring(1) : text;
    normalized = normalized.replace("\r\n", "\n");
    List<Diagnostic> problems = new ArrayList<>();
    if (!normalized.startsWith("---\n")) {
      problems.add(error(file, 1, 1, "the file has no front matter",
          "start it with a '---' line, 'title: ...' (and 'date: YYYY-MM-DD' for articles), and a closing '---' line"));
      return new ParsedSource(null, JsonNodeFactory.instance.objectNode(), normalized, 1, problems);
    }
    int end = findClosing(normalized);
    if (end < 0) {
      problems.add(error(file, 1, 1, "the front matter is never closed", "add a line '---' after the last front matter key"));
      return new ParsedSource(null, JsonNodeFactory.instance.objectNode(), "", 1, problems);
    }
    String yamlText = normalized.substring(4, end);
    int closingLineEnd = normalized.indexOf('\n', end + 1);
    String body = closingLineEnd < 0 ? "" : normalized.substring(closingLineEnd + 1);
    int bodyLine = countLines(normalized, closingLineEnd < 0 ? normalized.length() : closingLineEnd + 1) + 1;

    if (yamlText.length() > MAX_YAML) {
      problems.add(error(file, 2, 1, String.format(java.util.Locale.ROOT, "the front matter is %,d characters long; at most"
          + " %,d are read", yamlText.length(), MAX_YAML), "move long text into the article's body"));
      return new ParsedSource(null, JsonNodeFactory.instance.objectNode(), body, bodyLine, problems);
    }
    JsonNode root = PlainFrontMatter.read(yamlText);
    if (root == null) {
      try {
        root = YamlTree.read(yamlText);
      } catch (JsonProcessingException e) {
        YamlLocation at = YamlLocation.of(yamlText, e);
        String reason = YamlLocation.reason(e);
        problems.add(error(file, at.line() + 1, at.column(), "front matter is not valid YAML: " + reason,
            reason.startsWith("Duplicate field") ? "keep one of the two; YAML would silently use the last"
                : "check the indentation and quote values that contain ': ' or start with a special character"));
        return new ParsedSource(null, JsonNodeFactory.instance.objectNode(), body, bodyLine, problems);
      } catch (IOException | RuntimeException e) {
        // RuntimeException: the YAML library's own bugs on hostile input are still a finding, not a crash.
        problems.add(error(file, 2, 1, "cannot read front matter: " + e.getMessage(), null));
        return new ParsedSource(null, JsonNodeFactory.instance.objectNode(), body, bodyLine, problems);
      }
    }
    if (root.isNull() || root.isMissingNode()) {
      root = JsonNodeFactory.instance.objectNode();
    }
    if (!root.isObject()) {
      problems.add(error(file, 2, 1, "front matter must be a mapping of keys to values", "write 'title: ...' lines"));
      return new ParsedSource(null, JsonNodeFactory.instance.objectNode(), body, bodyLine, problems);
    }
    String[] lines = yamlText.split("\n", -1);
    root.fieldNames().forEachRemaining(key -> {
      if (!KNOWN.contains(key) && !extraKeys.contains(key)) {
        problems.add(new Diagnostic(new SourceSpan(file, keyLine(lines, key), 1), RULE, Severity.WARNING,
            "unknown front matter key '" + key + "' is ignored",
            "known keys: aliases, date, draft, summary, tags, title, updated"));
      }
    });

    for (String key : List.of("title", "summary")) {
      // YAML reads "title: [draft, backups]" as a list; left unsaid, the title would be "missing".
      if (root.has(key) && root.get(key).isContainerNode()) {
        problems.add(error(file, keyLine(lines, key), 1, key + " must be text, not a list or a mapping",
            "put it in quotes when it starts with [ or {: '" + key + ": \"[draft] ...\"'"));
      }
    }
    String title = scalar(root, "title");
    if ((title == null || title.isBlank()) && !(root.has("title") && root.get("title").isContainerNode())) {
      problems.add(error(file, keyLine(lines, "title"), 1, "front matter has no title", "add 'title: \"...\"'"));
    }
    LocalDate date = date(root, "date", file, lines, problems);
    if (date == null && kind == Kind.ARTICLE && !root.has("date")) {
      problems.add(error(file, 2, 1, "an article needs a date", "add 'date: YYYY-MM-DD' to the front matter"));
    }
    LocalDate updated = date(root, "updated", file, lines, problems);
    if (date != null && updated != null && updated.isBefore(date)) {
      problems.add(error(file, keyLine(lines, "updated"), 1, "updated (" + updated + ") is before date (" + date + ")",
          "'updated' is the date of the last revision; it cannot precede publication"));
    }
    List<String> tags = stringList(root, "tags", file, lines, problems);
    List<String> aliases = stringList(root, "aliases", file, lines, problems);
    for (String alias : aliases) {
      if (alias.contains("/../") || alias.endsWith("/..") || alias.contains("/./") || alias.contains("//")) {
        problems.add(error(file, keyLine(lines, "aliases"), 1, "alias '" + alias + "' has '.', '..' or empty segments",
            "write the old URL's path as the browser shows it, such as /old/ssh-hardening/"));
      } else if (!alias.startsWith("/")) {
        problems.add(error(file, keyLine(lines, "aliases"), 1, "alias '" + alias + "' must be a site path starting with '/'",
            "write the old URL's path, such as /old/ssh-hardening/"));
      }
    }
    String summary = scalar(root, "summary");
    boolean draft = false;
    JsonNode d = root.get("draft");
    if (d != null && !d.isNull()) {
      if (d.isBoolean() || d.asText().equals("true") || d.asText().equals("false")) {
        draft = d.asBoolean() || d.asText().equals("true");
      } else {
        problems.add(error(file, keyLine(lines, "draft"), 1, "draft must be true or false, not '" + d.asText() + "'", null));
      }
    }
    boolean hasErrors = problems.stream().anyMatch(Diagnostic::isError);
    FrontMatter fm = hasErrors ? null
        : new FrontMatter(title.strip(), date, updated, tags, summary == null ? "" : summary.strip(), draft, aliases);
    return new ParsedSource(fm, root, body, bodyLine, problems);
  }

  /** The offset of the closing {@code ---} line, or -1; the opening one ends at offset 4. */
  private static int findClosing(String text) {
    int start = 4;
    while (start <= text.length()) {
      int nl = text.indexOf('\n', start);
      String line = text.substring(start, nl < 0 ? text.length() : nl);
      if (line.stripTrailing().equals("---")) {
        return start;
      }
      if (nl < 0) {
        return -1;
      }
      start = nl + 1;
    }
    return -1;
  }

  private static int countLines(String text, int upTo) {
    int n = 0;
    for (int i = 0; i < upTo; i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  private static String scalar(JsonNode root, String key) {
    JsonNode n = root.get(key);
    return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
  }

  private static LocalDate date(JsonNode root, String key, String file, String[] lines, List<Diagnostic> problems) {
    JsonNode n = root.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    String raw = n.asText().strip();
    try {
      if (raw.length() == 10) {
        return day(raw);
      }
      return OffsetDateTime.parse(raw.replace(' ', 'T')).toLocalDate();
    } catch (DateTimeException e) {
      problems.add(error(file, keyLine(lines, key), 1, key + " '" + raw + "' is not a date",
          "write it as YYYY-MM-DD, such as 2026-03-14"));
      return null;
    }
  }

  /**
   * {@code LocalDate.parse} of a 10-character date, without the formatter's machinery where the
   * text is digits and dashes: the same days, and a {@link DateTimeException} for the same texts.
   */
  static LocalDate day(String raw) {
    int year = digits(raw, 0, 4);
    int month = digits(raw, 5, 7);
    int day = digits(raw, 8, 10);
    if (year < 0 || month < 0 || day < 0 || raw.charAt(4) != '-' || raw.charAt(7) != '-') {
      return LocalDate.parse(raw);
    }
    return LocalDate.of(year, month, day);
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static List<String> stringList(JsonNode root, String key, String file, String[] lines, List<Diagnostic> problems) {
    JsonNode n = root.get(key);
    if (n == null || n.isNull()) {
      return List.of();
    }
    Set<String> values = new LinkedHashSet<>();
    if (n.isArray()) {
      for (JsonNode item : n) {
        if (item.isContainerNode() || item.asText().isBlank()) {
          problems.add(error(file, keyLine(lines, key), 1, key + " must be a list of words", "write '" + key + ": [a, b]'"));
          return List.of();
        }
        values.add(item.asText().strip());
      }
      if (values.size() > MAX_LIST) {
        problems.add(error(file, keyLine(lines, key), 1, key + " has " + values.size() + " entries; at most " + MAX_LIST
            + " are allowed", "keep the " + key + " that readers will look for"));
        return List.of();
      }
    } else if (n.isContainerNode()) {
      problems.add(error(file, keyLine(lines, key), 1, key + " must be a list of words", "write '" + key + ": [a, b]'"));
    } else {
      values.add(n.asText().strip());
    }
    return new ArrayList<>(values);
  }

  /** The file line of a top-level key: the YAML starts on line 2. */
  private static int keyLine(String[] lines, String key) {
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(key + ":") || lines[i].startsWith("\"" + key + "\":")) {
        return i + 2;
      }
    }
    return 2;
  }

  private static Diagnostic error(String file, int line, int column, String message, String hint) {
    return new Diagnostic(new SourceSpan(file, line, column), RULE, Severity.ERROR, message, hint);
  }
}
