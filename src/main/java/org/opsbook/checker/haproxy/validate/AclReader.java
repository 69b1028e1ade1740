package org.opsbook.checker.haproxy.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.opsbook.checker.haproxy.catalogue.AclKeyword;
import org.opsbook.checker.haproxy.catalogue.Samples;
import org.opsbook.checker.haproxy.model.AclTerm;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.SampleExpr;
import org.opsbook.checker.haproxy.model.Word;

/**
 * Reads one ACL expression as acl.c's parse_acl_expr does: the criterion (an ACL keyword or a
 * sample fetch, with converters), the flags {@code -i -n -u -f FILE -M -m METHOD --}, then the
 * patterns, each checked for the match method (numbers and ranges, addresses, hex, regular
 * expressions). Stateless.
 */
final class AclReader {
  static final List<String> METHODS = List.of("found", "bool", "int", "ip", "bin", "len", "str", "beg", "sub", "dir",
      "dom", "end", "reg");
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  private AclReader() {}

  /** An expression read: the term, or the error HAProxy gives (and the word it is about). */
  record Read(AclTerm term, String error, int word, boolean noPatternWarning) {}

  /**
   * Reads the expression in {@code words} (criterion first). {@code line} gives the term its
   * position; {@code offset} is the index of the criterion in the line, for error positions.
   */
  static Read read(Line line, List<Word> words, int offset) {
    if (words.isEmpty()) {
      return new Read(null, "missing ACL expression", offset, false);
    }
    String criterion = words.get(0).text();
    SampleReader.Read sample = SampleReader.read(criterion, 0, '\0', true);
    if (!sample.ok()) {
      String msg = sample.error();
      if (msg.startsWith("unknown fetch method") || msg.startsWith("missing fetch")) {
        msg = msg + " in ACL expression '" + criterion + "'";
      } else if (msg.startsWith("missing comma")) {
        msg = msg + " in ACL expression '" + criterion + "'";
      }
      return new Read(null, msg, offset, false);
    }
    SampleExpr expr = sample.expr();
    String name = criterion.contains("(") ? criterion.substring(0, criterion.indexOf('(')) : criterion;
    if (name.contains(",")) {
      name = name.substring(0, name.indexOf(','));
    }
    Optional<AclKeyword> kw = Samples.aclKeyword(name);
    String match = kw.map(AclKeyword::match).orElse(null);
    boolean ignoreCase = false;
    List<String> files = new ArrayList<>();
    int i = 1;
    boolean flags = false;
    while (i < words.size() && words.get(i).text().startsWith("-") && !words.get(i).dynamic()) {
      String f = words.get(i).text();
      flags = true;
      if (f.equals("--")) {
        i++;
        break;
      }
      switch (f) {
        case "-i" -> ignoreCase = true;
        case "-n", "-u", "-M" -> {
          // no pattern semantics the checker needs
        }
        case "-f" -> {
          if (i + 1 >= words.size()) {
            return new Read(null, "failed to open pattern file <>", offset + i, false);
          }
          files.add(words.get(++i).text());
        }
        case "-m" -> {
          if (i + 1 >= words.size()) {
            return new Read(null, "missing matching method", offset + i, false);
          }
          String m = words.get(++i).text();
          if (!METHODS.contains(m)) {
            return new Read(null, "unknown matching method '" + m + "' when parsing ACL expression", offset + i, false);
          }
          match = m;
        }
        default -> {
          return new Read(null, "'" + f + "' is not a valid ACL option. Please use '--' before any pattern beginning "
              + "with a '-'", offset + i, false);
        }
      }
      i++;
    }
    if (match == null) {
      match = switch (SampleReader.outputType(expr)) {
        case "bool" -> "bool";
        case "sint" -> "int";
        case "ipv4", "ipv6", "addr" -> "ip";
        case "bin" -> "bin";
        case "meth" -> "meth";
        default -> "str";
      };
    }
    List<String> patterns = new ArrayList<>();
    for (; i < words.size(); i++) {
      Word w = words.get(i);
      if (!w.dynamic()) {
        String problem = patternProblem(match, w.text(), i + 1 < words.size() ? words.get(i + 1).text() : null);
        if (problem != null) {
          return new Read(null, problem, offset + i, false);
        }
        if ((match.equals("int") || match.equals("len")) && isOperator(w.text())) {
          patterns.add(w.text() + " " + (i + 1 < words.size() ? words.get(i + 1).text() : ""));
          i++;
          continue;
        }
      }
      patterns.add(w.text());
    }
    boolean warn = patterns.isEmpty() && files.isEmpty() && !flags && !match.equals("bool") && !match.equals("found");
    return new Read(new AclTerm(line, expr, match, ignoreCase, patterns, files), null, offset, warn);
  }

  static boolean isOperator(String w) {
    return w.equals("eq") || w.equals("ge") || w.equals("gt") || w.equals("le") || w.equals("lt");
  }

  private static String patternProblem(String match, String p, String next) {
    switch (match) {
      case "int", "len" -> {
        if (isOperator(p)) {
          if (next == null || !isInteger(next)) {
            return "'" + (next == null ? "" : next) + "' is neither a number nor a supported operator";
          }
          return null;
        }
        String[] range = p.split(":", -1);
        if (range.length > 2 || (range.length == 2 && range[0].isEmpty() && range[1].isEmpty())) {
          return "'" + p + "' is not a number";
        }
        for (String r : range) {
          if (!r.isEmpty() && !isInteger(r)) {
            return "'" + p + "' is not a number";
          }
        }
        return null;
      }
      case "ip" -> {
        return validAddress(p) ? null : "'" + p + "' is not a valid IPv4 or IPv6 address";
      }
      case "bin" -> {
        for (int k = 0; k < p.length(); k++) {
          if (Character.digit(p.charAt(k), 16) < 0) {
            return "an hex digit is expected (found '" + p.charAt(k) + "')";
          }
        }
        return p.length() % 2 == 0 ? null : "an even number of hex digit is expected";
      }
      case "reg" -> {
        String e = Regexes.problem(p);
        return e == null ? null : "regex '" + p + "' is invalid (" + e + ")";
      }
      default -> {
        return null;
      }
    }
  }

  private static boolean isInteger(String s) {
    return s.matches("-?[0-9]+");
  }

  /**
   * Whether HAProxy could read an address pattern: IPv4 with an optional prefix length or dotted
   * mask, IPv6 with an optional prefix length; a name is taken as resolvable, since the checker
   * does not ask DNS.
   */
  static boolean validAddress(String p) {
    String addr = p;
    String mask = null;
    int slash = p.indexOf('/');
    if (slash >= 0) {
      addr = p.substring(0, slash);
      mask = p.substring(slash + 1);
    }
    if (addr.contains(":")) {
      if (!addr.matches("[0-9a-fA-F:.]+") || addr.indexOf(":::") >= 0) {
        return false;
      }
      return mask == null || (mask.matches("[0-9]{1,3}") && Integer.parseInt(mask) <= 128);
    }
    java.util.regex.Matcher m = IPV4.matcher(addr);
    if (m.matches()) {
      for (int g = 1; g <= 4; g++) {
        if (Integer.parseInt(m.group(g)) > 255) {
          return false;
        }
      }
      if (mask == null) {
        return true;
      }
      if (mask.matches("[0-9]{1,2}")) {
        return Integer.parseInt(mask) <= 32;
      }
      return IPV4.matcher(mask).matches();
    }
    if (addr.matches("[0-9.]+")) {
      return false;
    }
    return mask == null && addr.matches("[A-Za-z0-9][A-Za-z0-9.-]*");
  }

  /** Why PCRE2 would refuse a regular expression, or null; Java's compiler stands in for it. */
  static final class Regexes {
    private Regexes() {}

    static String problem(String regex) {
      String java = regex.replace("(?P<", "(?<").replace("[[:alpha:]]", "\\p{Alpha}")
          .replace("[[:digit:]]", "\\d").replace("[[:alnum:]]", "\\p{Alnum}").replace("[[:space:]]", "\\s")
          .replace("[[:upper:]]", "\\p{Upper}").replace("[[:lower:]]", "\\p{Lower}");
      try {
        Pattern.compile(java);
        return null;
      } catch (PatternSyntaxException e) {
        return e.getDescription();
      } catch (RuntimeException | StackOverflowError e) {
        return null;
      }
    }
  }
}
