package org.opsbook.checker.haproxy.validate;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.checker.haproxy.catalogue.Registered;
import org.opsbook.checker.haproxy.model.Bind;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.Server;
import org.opsbook.checker.haproxy.model.Word;
import org.opsbook.checker.haproxy.rules.HaproxyRules;

/**
 * Reads {@code bind}, {@code server}, {@code default-server} and {@code server-template} lines:
 * their addresses (tools.c str2sa_range: an optional {@code ipv4@}-style prefix, an IPv4 or IPv6
 * address or {@code *}, a port, a port range or an offset) and their options, from the keywords
 * Debian 12's build registers. Host names are not resolved: the checker does not ask DNS.
 * Stateless.
 */
final class EndpointReader {
  private static final Pattern PREFIX = Pattern.compile("^(ipv4|ipv6|udp|udp4|udp6|tcp|tcp4|tcp6|unix|abns|fd|sockpair|"
      + "quic4|quic6|uxst|uxdg)@");
  private static final List<String> TIME_OPTIONS = List.of("inter", "fastinter", "downinter", "slowstart",
      "agent-inter", "pool-purge-delay");

  private EndpointReader() {}

  static void bind(Line line, ProxyState p, ReadContext ctx) {
    if (!line.has(1)) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "'bind' expects {<path>|[addr1]:port1[-end1]}{,[addr]:port[-end]}... "
          + "as arguments.");
      return;
    }
    Word addr = line.words().get(1);
    if (!addr.dynamic()) {
      for (String one : addr.text().split(",", -1)) {
        String problem = addressProblem(one, true);
        if (problem != null) {
          ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, "'bind' : " + problem);
          return;
        }
      }
    }
    int i = 2;
    while (i < line.size()) {
      String kw = line.arg(i);
      Optional<Registered.Option> o = Registered.bindOption(kw);
      if (kw.equals("ssl")) {
        i++;
        continue;
      }
      if (o.isEmpty()) {
        ctx.report.parsing(HaproxyRules.UNKNOWN_KEYWORD, line, i, "'bind " + addr.text() + "' in section '"
            + p.kind().keyword() + "': unknown keyword '" + kw + "'.", Suggest.hint(kw, Registered.bindOptionNames()));
        return;
      }
      int args = o.get().arguments();
      if (args == 1 && !line.has(i + 1)) {
        ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, i, "'bind " + addr.text() + "' in section '"
            + p.kind().keyword() + "' : '" + kw + "' : missing value.");
        return;
      }
      if ((kw.equals("crt") || kw.equals("ca-file") || kw.equals("crt-list")) && !line.words().get(i + 1).dynamic()) {
        String f = line.arg(i + 1);
        if (kw.equals("crt") && !f.startsWith("/")) {
          // relative to crt-base: not looked up
        } else if (!ctx.files.exists(f) && !f.endsWith("/")) {
          ctx.report.parsing(HaproxyRules.MISSING_FILE, line, i + 1, "'bind " + addr.text() + "' in section '"
              + p.kind().keyword() + "' : unable to stat SSL certificate from file '" + f + "' : No such file or directory.",
              "add the file as a snippet with file=" + f + ", or mark this snippet fragment");
        }
      }
      i += args == 0 ? 1 : 2;
    }
    p.binds.add(new Bind(line, addr.text(), line.words().subList(2, line.size())));
  }

  /** Reads a server or default-server line; {@code template} for server-template's extra count word. */
  static void server(Line line, ProxyState p, ReadContext ctx) {
    String kw = line.keyword();
    boolean isDefault = kw.equals("default-server");
    boolean template = kw.equals("server-template");
    int first;
    String name;
    if (isDefault) {
      first = 1;
      name = "";
    } else {
      int needed = template ? 3 : 2;
      if (!line.has(needed)) {
        ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, template
            ? "'server-template' expects <prefix> <nb | range> <addr>[:<port>] as arguments."
            : "'" + kw + "' expects <name> and <addr>[:<port>] as arguments.");
        return;
      }
      name = line.arg(1);
      Word address = line.words().get(needed);
      if (!address.dynamic()) {
        String problem = addressProblem(address.text(), false);
        if (problem != null) {
          ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, needed, "'" + kw + " " + p.name() + "/" + name + "' : "
              + problem);
          return;
        }
      }
      if (!template) {
        for (org.opsbook.checker.haproxy.model.Server s : p.servers) {
          if (s.name().equals(name)) {
            ctx.report.parsing(HaproxyRules.REFERENCE, line, 1, RuleReader.proxyWord(p) + " '" + p.name() + "', another server named '"
                + name + "' was already defined at line " + s.line().number() + ", please use distinct names.");
            return;
          }
        }
      }
      first = needed + 1;
    }
    String who = "'" + kw + (isDefault ? "" : " " + p.name() + "/" + name) + "'";
    int i = first;
    while (i < line.size()) {
      String opt = line.arg(i);
      Optional<Registered.Option> o = Registered.serverOption(opt);
      if (o.isEmpty()) {
        ctx.report.parsing(HaproxyRules.UNKNOWN_KEYWORD, line, i, who + " : unknown keyword '" + opt + "'.",
            Suggest.hint(opt, Registered.serverOptionNames()));
        return;
      }
      int args = o.get().arguments();
      if (args == 1 && !line.has(i + 1)) {
        String what = TIME_OPTIONS.contains(opt) ? "a delay" : "an argument";
        ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, i, who + " : '" + opt + "' expects " + what + " as argument..");
        return;
      }
      if (args != 0 && line.has(i + 1) && !line.words().get(i + 1).dynamic()) {
        String v = line.arg(i + 1);
        if (TIME_OPTIONS.contains(opt) && !Durations.read(v).ok()) {
          ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, i + 1, who + " : unexpected character '"
              + Durations.read(v).bad() + "' in argument to <" + opt + ">.");
          return;
        }
        if (TIME_OPTIONS.contains(opt) && Durations.read(v).warning(v) != null) {
          ctx.report.after(HaproxyRules.DEPRECATED, line, i + 1, "[" + ctx.report.fileName() + ":" + line.number() + "] : "
              + who + " : " + Durations.read(v).warning(v), null);
        }
        if (opt.equals("weight") && (!v.matches("[0-9]+") || Long.parseLong(v.length() > 9 ? "999999999" : v) > 256)) {
          ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, i + 1, who + " : weight of server " + name
              + " is not within 0 and 256 (" + v + ")..");
          return;
        }
        if ((opt.equals("rise") || opt.equals("fall")) && (!v.matches("[0-9]+") || v.matches("0+"))) {
          ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, i + 1, who + " : '" + opt + "' has to be > 0.");
          return;
        }
      }
      i += args == 0 ? 1 : args == 1 ? 2 : (line.has(i + 1) && Registered.serverOption(line.arg(i + 1)).isEmpty() ? 2 : 1);
    }
    if (isDefault) {
      line.words().subList(first, line.size()).forEach(w -> p.defaultServerOptions.add(w.text()));
    }
    if (!isDefault && !template) {
      p.servers.add(new Server(line, name, line.arg(2), line.words().subList(first, line.size())));
    }
  }

  /**
   * Why HAProxy would refuse an address, or null. {@code bind} needs a port (or a UNIX socket);
   * a server may omit it.
   */
  static String addressProblem(String text, boolean bind) {
    String t = text;
    Matcher pm = PREFIX.matcher(t);
    String prefix = "";
    if (pm.find()) {
      prefix = pm.group(1);
      t = t.substring(pm.end());
    }
    if (prefix.equals("unix") || prefix.equals("abns") || prefix.equals("fd") || prefix.equals("sockpair")
        || prefix.equals("uxst") || prefix.equals("uxdg") || t.startsWith("/")) {
      return null;
    }
    if (t.startsWith("${") || t.isEmpty() && !bind) {
      return null;
    }
    String host;
    String port;
    if (t.startsWith("[")) {
      int close = t.indexOf(']');
      if (close < 0) {
        return "invalid address: '" + t + "' in '" + text + "'";
      }
      host = t.substring(1, close);
      String rest = t.substring(close + 1);
      port = rest.startsWith(":") ? rest.substring(1) : rest.isEmpty() ? null : "?";
    } else {
      int colon = t.lastIndexOf(':');
      if (colon < 0) {
        host = t;
        port = null;
      } else if (t.indexOf(':') != colon) {
        // an IPv6 address without brackets: the last part is the port
        host = t.substring(0, colon);
        port = t.substring(colon + 1);
      } else {
        host = t.substring(0, colon);
        port = t.substring(colon + 1);
      }
    }
    if (!host.isEmpty() && !host.equals("*") && !host.equals("::") && !AclReader.validAddress(host)) {
      return "invalid address: '" + host + "' in '" + text + "'";
    }
    if (port == null) {
      return bind ? "missing port number: '" + text + "'" : null;
    }
    if (port.isEmpty()) {
      return bind ? "missing port number: '" + text + "'" : null;
    }
    String p = port;
    if (!bind && (p.startsWith("+") || p.startsWith("-"))) {
      p = p.substring(1);
    }
    String[] range = p.split("-", -1);
    if (range.length > 2 || (!bind && range.length > 1)) {
      return "invalid port '" + port + "'";
    }
    for (String r : range) {
      if (!r.matches("[0-9]{1,5}") || Integer.parseInt(r) > 65535 || (bind && Integer.parseInt(r) == 0 && !r.equals("0"))) {
        return "invalid port '" + port + "'";
      }
    }
    return null;
  }
}
