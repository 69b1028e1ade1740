package org.opsbook.checker.haproxy.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.Modifier;
import org.opsbook.checker.haproxy.model.Section;
import org.opsbook.checker.haproxy.model.SectionKind;
import org.opsbook.checker.haproxy.model.Word;

/**
 * Reads a configuration file into sections as HAProxy 2.6's readcfgfile does: each line split
 * into words ({@link LineLexer}); {@code [scope]} lines; the conditional directives {@code .if},
 * {@code .elif}, {@code .else}, {@code .endif} and the messages {@code .diag}, {@code .notice},
 * {@code .warning}, {@code .alert}; the {@code no} and {@code default} prefixes; a section keyword
 * anywhere starts a new section. Where HAProxy stops reading (a bad condition, {@code .alert}, an
 * unknown directive, a lone {@code .endif}), so does this reader. Stateless.
 */
public final class HaproxyParser {
  /** cfgparse.c MAXNESTEDCONDS: how deep .if blocks may nest. */
  private static final int MAX_NESTED = 128;
  private static final List<String> MODIFIABLE = List.of("option", "log", "busy-polling", "set-dumpable",
      "strict-limits", "insecure-fork-wanted", "numa-cpu-mapping");

  private enum Cond {
    IF_TAKE, IF_DROP, IF_SKIP, ELIF_TAKE, ELIF_DROP, ELIF_SKIP, ELSE_TAKE, ELSE_DROP;

    boolean masks() {
      return this == IF_DROP || this == IF_SKIP || this == ELIF_DROP || this == ELIF_SKIP || this == ELSE_DROP;
    }

    boolean isElse() {
      return this == ELSE_TAKE || this == ELSE_DROP;
    }

    boolean taken() {
      return this == IF_TAKE || this == IF_SKIP || this == ELIF_TAKE || this == ELIF_SKIP;
    }
  }

  private HaproxyParser() {}

  /**
   * Reads {@code text} as the file {@code fileName} (the name {@code .FILE} expands to).
   *
   * @param fileNumber which file the lines belong to, kept in each {@link Line}
   */
  public static ParsedText parse(String text, String fileName, int fileNumber) {
    List<Section> sections = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
    Cond[] conds = new Cond[MAX_NESTED + 1];
    int level = 0;
    SectionKind kind = null;
    String sectionName = "";
    Line header = null;
    List<Line> body = new ArrayList<>();
    boolean complete = true;
    reading:
    for (int n = 1; n <= count; n++) {
      String raw = lines[n - 1];
      int nul = raw.indexOf('\0');
      if (nul >= 0) {
        problems.add(new Problem(n, nul + 1, "Stray NUL character at position " + (nul + 1) + ".", false));
        complete = false;
        break;
      }
      String stripped = raw.stripLeading();
      if (stripped.startsWith("[")) {
        scope(n, raw, stripped, problems);
        continue;
      }
      String section = kind == null ? "" : sectionName.isEmpty() ? kind.keyword() : sectionName;
      LineLexer.Lexed lexed = LineLexer.lex(raw, new LineLexer.Place(fileName, n, section));
      if (lexed.failed()) {
        // HAProxy splits every line before it looks at conditions, so this holds in dropped blocks too.
        problems.add(new Problem(n, lexed.errorColumn(), lexed.error() + " at position " + lexed.errorColumn(), false));
        continue;
      }
      List<Word> words = untilEmpty(lexed.words());
      if (words.isEmpty()) {
        continue;
      }
      String first = words.get(0).text();
      if (first.startsWith(".")) {
        switch (first) {
          case ".if", ".elif" -> {
            boolean isIf = first.equals(".if");
            if (isIf) {
              level++;
              if (level >= MAX_NESTED) {
                problems.add(new Problem(n, words.get(0).column(), "too many nested '.if', max is " + MAX_NESTED + ".", false));
                complete = false;
                break reading;
              }
              if (level > 1 && conds[level - 1].masks()) {
                conds[level] = Cond.IF_SKIP;
                continue;
              }
            } else {
              if (level == 0) {
                problems.add(new Problem(n, words.get(0).column(), "lone '.elif' with no matching '.if'.", false));
                complete = false;
                break reading;
              }
              if (conds[level].isElse()) {
                problems.add(new Problem(n, words.get(0).column(), "'.elif' after '.else' is not permitted.", false));
                complete = false;
                break reading;
              }
              if (conds[level].taken()) {
                conds[level] = Cond.ELIF_SKIP;
                continue;
              }
            }
            String expression = joined(lexed.words(), 1);
            Conditions.Result r = Conditions.evaluate(expression);
            if (r.error() != null) {
              int column = words.size() > 1 ? words.get(1).column() + r.offset() : words.get(0).end();
              problems.add(new Problem(n, column, r.error() + " in '" + first + "'", false));
              complete = false;
              break reading;
            }
            conds[level] = isIf ? (r.value() ? Cond.IF_TAKE : Cond.IF_DROP) : (r.value() ? Cond.ELIF_TAKE : Cond.ELIF_DROP);
            continue;
          }
          case ".else", ".endif" -> {
            if (words.size() > 1) {
              problems.add(new Problem(n, words.get(1).column(), "Unexpected argument '" + words.get(1).text()
                  + "' for '" + first + "'.", false));
              complete = false;
              break reading;
            }
            if (level == 0) {
              problems.add(new Problem(n, words.get(0).column(), "lone '" + first + "' with no matching '.if'.", false));
              complete = false;
              break reading;
            }
            if (first.equals(".endif")) {
              level--;
              continue;
            }
            if (conds[level].isElse()) {
              problems.add(new Problem(n, words.get(0).column(), "'.else' after '.else' is not permitted.", false));
              complete = false;
              break reading;
            }
            conds[level] = conds[level].taken() ? Cond.ELSE_DROP : Cond.ELSE_TAKE;
            continue;
          }
          default -> {
            // messages and unknown directives are looked at only outside masked blocks
          }
        }
      }
      if (level > 0 && conds[level].masks()) {
        continue;
      }
      if (first.startsWith(".")) {
        switch (first) {
          case ".alert", ".warning", ".notice", ".diag" -> {
            if (words.size() > 2) {
              problems.add(new Problem(n, words.get(2).column(), "Unexpected argument '" + words.get(2).text()
                  + "' for '" + first + "'. Use quotes if the message should contain spaces.", false));
              continue;
            }
            String message = "'" + (words.size() > 1 ? words.get(1).text() : "") + "'.";
            if (first.equals(".alert")) {
              problems.add(new Problem(n, words.get(0).column(), message, false));
              complete = false;
              break reading;
            }
            if (first.equals(".warning")) {
              problems.add(new Problem(n, words.get(0).column(), message, true));
            }
            continue;
          }
          default -> {
            problems.add(new Problem(n, words.get(0).column(), "unknown directive '" + first + "'.", false));
            complete = false;
            break reading;
          }
        }
      }
      Modifier modifier = Modifier.NONE;
      if (first.equals("no") || first.equals("default")) {
        modifier = first.equals("no") ? Modifier.NO : Modifier.DEFAULT;
        words = words.subList(1, words.size());
        if (words.isEmpty() || !MODIFIABLE.contains(words.get(0).text())) {
          problems.add(new Problem(n, 1 + raw.length() - stripped.length(), "negation/default currently supported only "
              + "for options, log, busy-polling, set-dumpable, strict-limits, insecure-fork-wanted and "
              + "numa-cpu-mapping.", false));
          if (words.isEmpty()) {
            continue;
          }
        }
      }
      Line line = new Line(n, words, modifier, fileNumber);
      Optional<SectionKind> starts = SectionKind.of(line.keyword());
      if (starts.isPresent()) {
        if (kind != null) {
          sections.add(new Section(kind, sectionName, header, body));
        }
        kind = starts.get();
        sectionName = line.arg(1);
        header = line;
        body = new ArrayList<>();
        continue;
      }
      if (kind == null) {
        problems.add(new Problem(n, line.column(0), "unknown keyword '" + line.keyword() + "' out of section.", false));
        continue;
      }
      body.add(line);
    }
    if (kind != null) {
      sections.add(new Section(kind, sectionName, header, body));
    }
    if (complete && !text.isEmpty() && !text.endsWith("\n")) {
      problems.add(new Problem(count, lines[count - 1].length() + 1, "Missing LF on last line, file might have been "
          + "truncated at position " + (lines[count - 1].length() + 1) + ".", false));
    }
    if (complete && level > 0) {
      problems.add(new Problem(Math.max(1, count), 1, "non-terminated '.if' block.", false));
    }
    return new ParsedText(sections, problems, complete);
  }

  /** Words up to the first empty one, which ends a line's arguments for every keyword parser. */
  private static List<Word> untilEmpty(List<Word> words) {
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).text().isEmpty()) {
        return List.copyOf(words.subList(0, i));
      }
    }
    return words;
  }

  /** The words from {@code from} on, remerged with single spaces as readcfgfile does for conditions. */
  private static String joined(List<Word> words, int from) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < words.size(); i++) {
      if (i > from) {
        out.append(' ');
      }
      out.append(words.get(i).text());
    }
    return out.toString().stripTrailing();
  }

  private static void scope(int n, String raw, String stripped, List<Problem> problems) {
    int at = raw.length() - stripped.length() + 1;
    int close = stripped.indexOf(']');
    if (close <= 1) {
      problems.add(new Problem(n, at, "empty scope name is forbidden.", false));
      return;
    }
    String name = stripped.substring(1, close);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '.' && c != ':' && c != '_' && c != '-' || c > 127) {
        problems.add(new Problem(n, at + 1 + i, "character '" + c + "' is not permitted in a scope name.", false));
        return;
      }
    }
    String rest = stripped.substring(close + 1).strip();
    if (!rest.isEmpty() && !rest.startsWith("#")) {
      problems.add(new Problem(n, at + close + 1, "character '" + rest.charAt(0)
          + "' is not permitted after scope declaration.", false));
    }
  }
}
