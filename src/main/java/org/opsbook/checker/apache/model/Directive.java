package org.opsbook.checker.apache.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One directive or section of the configuration tree, after httpd's build phase: conditional
 * sections ({@code <IfModule>}, {@code <IfDefine>}) and includes are already replaced by what
 * they contribute, so a directive's children are what its section really holds.
 *
 * @param name the name as written, a section's with its {@code <} and without the {@code >}
 * @param line the whole logical line, expanded
 * @param argsStart where the arguments start in {@code line}
 * @param args the argument string as httpd hands it to the directive; for a section, what
 *     follows the name up to and including its {@code >}
 * @param children for a section, the directives inside it; empty otherwise
 * @param section whether this opens a section ({@code <Name ...>})
 */
public record Directive(String name, LineText line, int argsStart, String args, List<Directive> children, boolean section) {
  public Directive {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(args, "args");
    children = List.copyOf(children);
  }

  /** Where the directive's name starts. */
  public Position at() {
    return line.at(0);
  }

  /** The name in lower case, the key httpd looks directives up by. */
  public String key() {
    return name.toLowerCase(Locale.ROOT);
  }

  /** The words of the arguments ({@code ap_getword_conf}); a section's closing {@code >} is dropped. */
  public List<ConfWords.Word> words() {
    return ConfWords.split(sectionArgs());
  }

  /** For a section, the arguments before the last {@code >}, as the section handlers cut them. */
  public String sectionArgs() {
    if (!section) {
      return args;
    }
    int gt = args.lastIndexOf('>');
    return gt < 0 ? args : args.substring(0, gt);
  }

  /** Where the character at {@code offset} of {@link #args()} is. */
  public Position argAt(int offset) {
    int delta = line.text().length() - argsStart;
    // A bare "<Name>" gets args ">" that is not in the line; point at the name's end then.
    if (offset >= args.length() || args.length() > delta) {
      return line.at(argsStart + Math.min(offset, Math.max(0, delta)));
    }
    return line.at(argsStart + offset);
  }

  /** The value of the {@code i}th word, or empty if there are fewer. */
  public String word(int i) {
    List<ConfWords.Word> w = words();
    return i < w.size() ? w.get(i).value() : "";
  }
}
