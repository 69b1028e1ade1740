package org.opsbook.checker.postfix.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.checker.postfix.model.Replacement;

/**
 * Splits result text as Postfix's mac_parse() does and checks it as the regexp/pcre prescan does:
 * {@code $$} is a dollar, {@code $name}, {@code ${text}} and {@code $(text)} are references whose
 * text must be all digits and at least 1.
 */
public final class ReplacementParser {
  private ReplacementParser() {}

  /** The parsed text, or an error message and the offset it refers to. */
  public record Result(Replacement replacement, String error, int errorOffset) {
    public boolean ok() {
      return error == null;
    }
  }

  public static Result parse(String text) {
    List<Replacement.Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$') {
        literal.append(c);
        i++;
        continue;
      }
      if (i + 1 < text.length() && text.charAt(i + 1) == '$') {
        literal.append('$');
        i += 2;
        continue;
      }
      int start = i;
      i++;
      String name;
      if (i < text.length() && (text.charAt(i) == '{' || text.charAt(i) == '(')) {
        char open = text.charAt(i);
        char close = open == '{' ? '}' : ')';
        int level = 1;
        int j = i + 1;
        while (level > 0) {
          if (j >= text.length()) {
            return new Result(null, "truncated reference \"" + text.substring(start) + "\": the "
                + open + " is never closed", start);
          }
          if (text.charAt(j) == open) {
            level++;
          } else if (text.charAt(j) == close) {
            level--;
          }
          j++;
        }
        name = text.substring(i + 1, j - 1);
        i = j;
      } else {
        int j = i;
        while (j < text.length() && (isAsciiAlnum(text.charAt(j)) || text.charAt(j) == '_')) {
          j++;
        }
        name = text.substring(i, j);
        i = j;
      }
      if (name.isEmpty()) {
        return new Result(null, "a lone '$' is an empty reference; write $$ for a dollar sign", start);
      }
      if (!name.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        return new Result(null, "\"$" + (text.charAt(start + 1) == '{' || text.charAt(start + 1) == '('
                ? text.substring(start + 1, i) : name)
            + "\" is not a group number: Postfix substitutes only $1, ${1} or $(1), and wants $$ for a"
            + " dollar sign", start);
      }
      int n;
      try {
        n = Integer.parseInt(name);
      } catch (NumberFormatException e) {
        n = Integer.MAX_VALUE;
      }
      if (n < 1) {
        return new Result(null, "$" + name + " is out of range: groups are numbered from 1", start);
      }
      if (literal.length() > 0) {
        parts.add(new Replacement.Literal(literal.toString()));
        literal.setLength(0);
      }
      parts.add(new Replacement.Group(n));
    }
    if (literal.length() > 0) {
      parts.add(new Replacement.Literal(literal.toString()));
    }
    return new Result(new Replacement(parts), null, -1);
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
