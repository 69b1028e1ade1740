package org.opsbook.checker.haproxy.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opsbook.checker.haproxy.catalogue.GlobalKeyword;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.Section;
import org.opsbook.checker.haproxy.rules.HaproxyRules;

/**
 * Reads the global section as cfg_parse_global does, against the keyword table of global.txt:
 * unknown and removed keywords, flags given an argument, missing and non-numeric arguments, and
 * the settings later checks need ({@code tune.bufsize}, {@code tune.maxrewrite}, the SSL defaults).
 * Stateless.
 */
final class GlobalReader {
  private static final List<String> SSL_OPTIONS = List.of("no-sslv3", "no-tlsv10", "no-tlsv11", "no-tlsv12",
      "no-tlsv13", "force-sslv3", "force-tlsv10", "force-tlsv11", "force-tlsv12", "force-tlsv13", "no-tls-tickets",
      "ssl-min-ver", "ssl-max-ver", "prefer-client-ciphers", "strict-sni", "allow-0rtt");
  private static final List<String> VERSIONS = List.of("SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  private GlobalReader() {}

  /** The settings the global sections give, in the order they appear. */
  record Settings(List<Line> sslDefaultBindOptions, List<Line> sslDefaultServerOptions) {}

  static void experimental(List<Section> sections, ReadContext ctx) {
    for (Section s : sections) {
      for (Line l : s.lines()) {
        if (l.keyword().equals("expose-experimental-directives")) {
          ctx.experimental = true;
        }
        if (l.keyword().equals("master-worker")) {
          ctx.masterWorker = true;
        }
      }
    }
  }

  static Settings read(List<Section> sections, ReadContext ctx) {
    List<Line> bind = new ArrayList<>();
    List<Line> server = new ArrayList<>();
    for (Section s : sections) {
      for (Line line : s.lines()) {
        String kw = line.keyword();
        Optional<GlobalKeyword> k = GlobalKeyword.of(kw);
        if (k.isEmpty()) {
          ctx.report.parsing(HaproxyRules.UNKNOWN_KEYWORD, line, 0, "unknown keyword '" + kw + "' in 'global' section",
              Suggest.hint(kw, GlobalKeyword.names()));
          continue;
        }
        String form = k.get().form();
        String missing = k.get().message();
        switch (form) {
          case "removed" -> ctx.report.parsing(HaproxyRules.REMOVED, line, 0, missing);
          case "flag" -> {
            if (line.has(1)) {
              ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, "'" + kw + "' cannot handle unexpected argument '"
                  + line.arg(1) + "'.");
            }
          }
          case "int", "arg", "time" -> {
            if (!line.has(1)) {
              ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, missing.isEmpty() ? "'" + kw + "' expects an argument."
                  : missing);
            } else if (form.equals("time") && !line.words().get(1).dynamic() && !Durations.read(line.arg(1)).ok()) {
              ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, "unexpected character '" + Durations.read(line.arg(1))
                  .bad() + "' in argument to '" + kw + "'.");
            }
          }
          case "onoff" -> {
            if (!line.arg(1).equals("on") && !line.arg(1).equals("off")) {
              ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, "'" + kw + "' expects either 'on' or 'off' but got '"
                  + line.arg(1) + "'.");
            }
          }
          default -> {
            // read as written
          }
        }
        switch (kw) {
          case "tune.bufsize" -> ctx.bufsize = number(line.arg(1), ctx.bufsize);
          case "tune.maxrewrite" -> ctx.maxrewrite = number(line.arg(1), ctx.maxrewrite);
          case "ssl-server-verify" -> {
            if (line.has(1)) {
              if (!line.arg(1).equals("none") && !line.arg(1).equals("required")) {
                ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, "'ssl-server-verify' expects 'none' or 'required' "
                    + "as argument.");
              } else {
                ctx.sslServerVerify = line.arg(1);
              }
            } else {
              ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "'ssl-server-verify' expects an integer argument.");
            }
          }
          case "ssl-default-bind-options", "ssl-default-server-options" -> {
            if (sslOptions(line, ctx)) {
              (kw.equals("ssl-default-bind-options") ? bind : server).add(line);
            }
          }
          case "tune.ssl.capture-cipherlist-size" -> ctx.report.after(HaproxyRules.DEPRECATED, line, 0, "parsing ["
              + ctx.report.fileName() + ":" + line.number() + "]: 'tune.ssl.capture-cipherlist-size' is deprecated and "
              + "will be removed in version 2.7. Please use 'tune.ssl.capture-buffer-size' instead.", null);
          case "stats" -> {
            if (!List.of("socket", "maxconn", "bind-process", "timeout").contains(line.arg(1))) {
              ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, "'stats' only supports 'socket', 'maxconn', "
                  + "'bind-process' and 'timeout' (got '" + line.arg(1) + "')");
            }
          }
          case "log" -> {
            if (!line.isNo() && !line.has(2)) {
              ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "log : expects <address> and <facility>  as arguments");
            }
          }
          default -> {
            // nothing more
          }
        }
      }
    }
    return new Settings(bind, server);
  }

  private static boolean sslOptions(Line line, ReadContext ctx) {
    if (!line.has(1)) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "global statement '" + line.keyword() + "' expects an option "
          + "as an argument.");
      return false;
    }
    for (int i = 1; i < line.size(); i++) {
      String w = line.arg(i);
      if (!SSL_OPTIONS.contains(w)) {
        ctx.report.parsing(HaproxyRules.UNKNOWN_KEYWORD, line, i, "unknown option '" + w + "' on global statement '"
            + line.keyword() + "'.", Suggest.hint(w, SSL_OPTIONS));
        return false;
      }
      if (w.equals("ssl-min-ver") || w.equals("ssl-max-ver")) {
        if (!VERSIONS.contains(line.arg(i + 1))) {
          ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, i + 1, "'" + w + "' : unknown ssl/tls version string '"
              + line.arg(i + 1) + "'.");
          return false;
        }
        i++;
      }
    }
    return true;
  }

  private static int number(String text, int fallback) {
    return text.matches("[0-9]{1,9}") ? Integer.parseInt(text) : fallback;
  }
}
