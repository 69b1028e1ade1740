package org.opsbook.checker.haproxy.validate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opsbook.checker.haproxy.catalogue.Registered;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.Modifier;
import org.opsbook.checker.haproxy.model.SectionKind;
import org.opsbook.checker.haproxy.model.Setting;
import org.opsbook.checker.haproxy.rules.HaproxyRules;

/**
 * Reads {@code option} lines (cfgparse-listen.c and proxy.c's option tables): removed options,
 * the simple on/off options with the side each needs, and the options with arguments (httplog,
 * forwardfor, httpchk, the health checks, the HTTP connection modes). {@code no} and {@code
 * default} apply only to the options the manual marks as invertible. Stateless.
 */
final class OptionReader {
  /** Options that take no argument and may be negated, beyond the simple ones. */
  private static final Set<String> MODES = Set.of("http-keep-alive", "http-server-close", "httpclose");
  /** Options with their own arguments, and the side they need ("fe", "be", "both"). */
  private static final List<String[]> SPECIAL = List.of(
      new String[] {"httplog", "fe"}, new String[] {"httpslog", "fe"}, new String[] {"tcplog", "fe"},
      new String[] {"forwardfor", "both"}, new String[] {"originalto", "both"}, new String[] {"httpchk", "be"},
      new String[] {"ssl-hello-chk", "be"}, new String[] {"smtpchk", "be"}, new String[] {"pgsql-check", "be"},
      new String[] {"redis-check", "be"}, new String[] {"mysql-check", "be"}, new String[] {"ldap-check", "be"},
      new String[] {"spop-check", "be"}, new String[] {"tcp-check", "be"}, new String[] {"external-check", "be"},
      new String[] {"http-restrict-req-hdr-names", "both"}, new String[] {"tcpka", "both"},
      new String[] {"redispatch", "be"});

  private OptionReader() {}

  static Set<String> names() {
    Set<String> out = new TreeSet<>(Registered.simpleOptionNames());
    out.addAll(MODES);
    SPECIAL.forEach(s -> out.add(s[0]));
    return out;
  }

  static void read(Line line, ProxyState p, ReadContext ctx) {
    if (!line.has(1)) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "'option' expects an option name.");
      return;
    }
    String name = line.arg(1);
    Optional<String> removed = Removed.option(name);
    if (removed.isPresent()) {
      ctx.report.parsing(HaproxyRules.REMOVED, line, 1, removed.get());
      return;
    }
    Optional<String> simple = Registered.simpleOption(name);
    String side = simple.map(s -> s.contains("FE") && s.contains("BE") ? "both" : s.contains("FE") ? "fe" : "be")
        .orElse(null);
    boolean invertible = simple.isPresent() || MODES.contains(name) || name.equals("redispatch");
    if (side == null && MODES.contains(name)) {
      side = "both";
    }
    if (side == null) {
      for (String[] s : SPECIAL) {
        if (s[0].equals(name)) {
          side = s[1];
        }
      }
    }
    if (side == null) {
      ctx.report.parsing(HaproxyRules.UNKNOWN_KEYWORD, line, 1, "unknown option '" + name + "'.", Suggest.hint(name, names()));
      return;
    }
    if (line.modifier() != Modifier.NONE && !invertible) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, "negation/default is not supported for option '" + name + "'.");
      return;
    }
    boolean logOption = name.equals("httplog") || name.equals("tcplog") || name.equals("httpslog");
    if (logOption && p.kind() == SectionKind.BACKEND) {
      ctx.report.parsing(HaproxyRules.IGNORED, line, 1, "backend '" + p.name() + "' : 'option " + name + "' directive is "
          + "ignored in backends.");
      return;
    }
    if (side.equals("be") && !p.kind().hasBackend() || side.equals("fe") && !p.kind().hasFrontend() && !logOption) {
      ctx.report.parsing(HaproxyRules.IGNORED, line, 1, "'" + name + "' ignored because " + RuleReader.proxyWord(p) + " '"
          + p.name() + "' has no " + (side.equals("be") ? "backend" : "frontend") + " capability.");
      return;
    }
    if (!arguments(line, name, ctx)) {
      return;
    }
    boolean on = line.modifier() != Modifier.NO;
    if (line.modifier() == Modifier.DEFAULT) {
      p.options.remove(name);
    } else {
      p.options.put(name, new Setting<>(on, line));
    }
    if (on && MODES.contains(name)) {
      for (String other : MODES) {
        if (!other.equals(name)) {
          p.options.remove(other);
        }
      }
    }
  }

  private static boolean arguments(Line line, String name, ReadContext ctx) {
    if (Registered.simpleOption(name).isPresent() || MODES.contains(name) || name.equals("tcp-check")
        || name.equals("ssl-hello-chk") || name.equals("ldap-check") || name.equals("spop-check")
        || name.equals("external-check") || name.equals("tcpka") || name.equals("httpslog")) {
      if (line.has(2)) {
        ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 2, "'option " + name + "' cannot handle unexpected argument '"
            + line.arg(2) + "'.");
        return false;
      }
      return true;
    }
    switch (name) {
      case "httplog" -> {
        if (line.has(2) && !line.arg(2).equals("clf")) {
          ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 2, "keyword 'httplog' only supports option 'clf'.");
          return false;
        }
        return true;
      }
      case "forwardfor", "originalto" -> {
        int i = 2;
        while (i < line.size()) {
          String w = line.arg(i);
          if (w.equals("except") || w.equals("header")) {
            if (!line.has(i + 1)) {
              ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, i, "'option " + name + "' '" + w + "' requires an "
                  + (w.equals("except") ? "address" : "header name") + ".");
              return false;
            }
            if (w.equals("except") && !AclReader.validAddress(line.arg(i + 1))) {
              ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, i + 1, "'option " + name + "' 'except' requires a "
                  + "network address.");
              return false;
            }
            i += 2;
          } else if (w.equals("if-none") && name.equals("forwardfor")) {
            i++;
          } else {
            ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, i, "'option " + name + "' only supports optional values: "
                + (name.equals("forwardfor") ? "'except', 'header' and 'if-none'." : "'except' and 'header'."));
            return false;
          }
        }
        return true;
      }
      case "httpchk" -> {
        String last = line.arg(line.size() - 1);
        if (line.size() == 5 || last.contains("\r") || last.contains("\n")) {
          if (last.contains("\r") || last.contains("\n")) {
            ctx.report.parsing(HaproxyRules.DEPRECATED, line, line.size() - 1, "'option httpchk' : hiding headers or body "
                + "at the end of the version string is deprecated. Please, consider to use 'http-check send' directive "
                + "instead.");
          }
        }
        if (line.size() > 5) {
          ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 5, "'option httpchk' only supports 3 arguments: "
              + "<method> <uri> <version>.");
          return false;
        }
        return true;
      }
      case "http-restrict-req-hdr-names" -> {
        if (!List.of("preserve", "delete", "reject").contains(line.arg(2)) || line.has(3)) {
          ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, "'option http-restrict-req-hdr-names' expects "
              + "'preserve', 'delete' or 'reject'.");
          return false;
        }
        return true;
      }
      default -> {
        return true;
      }
    }
  }
}
