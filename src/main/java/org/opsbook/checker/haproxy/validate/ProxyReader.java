package org.opsbook.checker.haproxy.validate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opsbook.checker.haproxy.catalogue.Registered;
import org.opsbook.checker.haproxy.model.ErrorFile;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.Section;
import org.opsbook.checker.haproxy.model.SectionKind;
import org.opsbook.checker.haproxy.model.Setting;
import org.opsbook.checker.haproxy.rules.HaproxyRules;

/**
 * Reads one frontend, backend, listen or defaults section as cfg_parse_listen does: its header
 * (name, {@code from}), then each line by keyword, after the matrix of section 4.1 has said
 * whether the keyword stands in the right place. Stateless.
 */
final class ProxyReader {
  static final List<String> TIMEOUTS = List.of("client", "server", "connect", "check", "queue", "http-keep-alive",
      "http-request", "tunnel", "tarpit", "client-fin", "server-fin");
  private static final Set<String> FE_TIMEOUTS = Set.of("client", "client-fin");
  private static final Set<String> BE_TIMEOUTS = Set.of("server", "connect", "check", "queue", "tunnel", "server-fin");
  private static final List<String> BALANCE = List.of("roundrobin", "static-rr", "leastconn", "first", "source",
      "uri", "url_param", "random", "hash");
  private static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr",
      "news", "uucp", "cron", "auth2", "ftp", "ntp", "audit", "alert", "cron2", "local0", "local1", "local2", "local3",
      "local4", "local5", "local6", "local7");
  private static final List<String> STATS = List.of("admin", "uri", "realm", "auth", "scope", "enable",
      "hide-version", "show-node", "show-desc", "show-legends", "refresh", "http-request", "show-modules");
  private static final Set<Integer> ERRORFILE_CODES = Set.of(200, 400, 401, 403, 404, 405, 407, 408, 410, 413, 425,
      429, 500, 501, 502, 503, 504);

  private ProxyReader() {}

  /**
   * Reads the section into a proxy state, or returns null when its header is refused (HAProxy
   * then has no proxy to put the lines in).
   */
  static ProxyState read(Section section, ProxyState anonymousDefaults, Map<String, ProxyState> named,
      List<ProxyState> earlier, ReadContext ctx) {
    Line h = section.header();
    String kw = section.kind().keyword();
    String name = section.name();
    if (name.isEmpty() && section.kind() != SectionKind.DEFAULTS) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, h, 0, "'" + kw + "' expects an <id> argument");
      return null;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128) && c != '.' && c != '-' && c != '_' && c != ':') {
        ctx.report.parsing(HaproxyRules.INVALID_VALUE, h, 1, "character '" + c + "' is not permitted in '" + kw + "' name '"
            + name + "'.");
        return null;
      }
    }
    ProxyState base = anonymousDefaults;
    int next = name.isEmpty() ? 1 : 2;
    if (h.has(next)) {
      if (h.arg(next).equals("from") && h.has(next + 1)) {
        ProxyState from = named.get(h.arg(next + 1));
        if (from == null) {
          ctx.report.parsing(HaproxyRules.REFERENCE, h, next + 1, "defaults section '" + h.arg(next + 1) + "' not found for "
              + kw + " '" + name + "'.");
          return null;
        }
        base = from;
      } else if (section.kind() != SectionKind.DEFAULTS) {
        ctx.report.parsing(HaproxyRules.INVALID_VALUE, h, next, "please use the 'bind' keyword for listening addresses.");
        return null;
      }
    }
    if (base != null && base.definesRules() && section.kind() != SectionKind.DEFAULTS) {
      boolean fe = section.kind().hasFrontend();
      boolean be = section.kind().hasBackend();
      if ((fe && be) || (fe && base.usedByBackend) || (be && base.usedByFrontend)) {
        ctx.report.after(HaproxyRules.NOT_ALLOWED_HERE, h, 0, "parsing [" + ctx.report.fileName() + ":" + h.number()
            + "]: frontends and backends cannot inherit from the same defaults section if it defines TCP/HTTP rules "
            + "(defaults section at " + where(base.section.header(), ctx) + ").", "give frontends and backends "
            + "defaults sections of their own");
        return null;
      }
      base.usedByFrontend |= fe;
      base.usedByBackend |= be;
    }
    if (section.kind() != SectionKind.DEFAULTS) {
      for (ProxyState o : earlier) {
        if (o.kind() == SectionKind.DEFAULTS || !o.name().equals(name)) {
          continue;
        }
        boolean clash = (o.kind().hasFrontend() && section.kind().hasFrontend())
            || (o.kind().hasBackend() && section.kind().hasBackend());
        if (clash) {
          String other = o.kind() == SectionKind.LISTEN ? "proxy" : o.kind().keyword();
          ctx.report.after(HaproxyRules.REFERENCE, h, 1, "Parsing [" + ctx.report.fileName() + ":" + h.number() + "]: " + kw
              + " '" + name + "' has the same name as " + other + " '" + name + "' declared at " + where(o.section.header(),
              ctx) + ".", null);
          break;
        }
      }
    }
    ProxyState p = new ProxyState(section, base);
    for (Line line : section.lines()) {
      line(line, p, ctx);
    }
    return p;
  }

  private static String where(Line l, ReadContext ctx) {
    return (l.file() < 0 ? "(wrapper)" : ctx.report.fileName()) + ":" + l.number();
  }

  private static void line(Line line, ProxyState p, ReadContext ctx) {
    String kw = line.keyword();
    Optional<String> removed = Removed.keyword(kw);
    if (removed.isPresent()) {
      ctx.report.parsing(HaproxyRules.REMOVED, line, 0, removed.get());
      return;
    }
    Optional<ProxyKeywords.Spec> spec = ProxyKeywords.of(kw);
    if (spec.isEmpty()) {
      Set<String> known = new TreeSet<>(ProxyKeywords.names());
      ctx.report.parsing(HaproxyRules.UNKNOWN_KEYWORD, line, 0, "unknown keyword '" + kw + "' in '" + p.kind().keyword()
          + "' section", Suggest.hint(kw, known));
      return;
    }
    if (!allowed(line, spec.get(), p, ctx)) {
      return;
    }
    switch (kw) {
      case "mode" -> mode(line, p, ctx);
      case "timeout" -> timeout(line, p, ctx);
      case "option" -> OptionReader.read(line, p, ctx);
      case "acl" -> RuleReader.acl(line, p, ctx);
      case "http-request", "http-response", "http-after-response" -> RuleReader.http(line, p, ctx);
      case "tcp-request", "tcp-response" -> tcp(line, p, ctx);
      case "redirect" -> RuleReader.redirectKeyword(line, p, ctx);
      case "use_backend" -> RuleReader.useBackend(line, p, ctx);
      case "default_backend" -> {
        if (!line.has(1)) {
          ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "'default_backend' expects a backend name.");
        } else {
          p.defaultBackend = Optional.of(new Setting<>(line.arg(1), line));
        }
      }
      case "bind" -> EndpointReader.bind(line, p, ctx);
      case "server", "default-server", "server-template" -> EndpointReader.server(line, p, ctx);
      case "balance" -> balance(line, ctx);
      case "log" -> log(line, p, ctx);
      case "errorfile" -> errorfile(line, p, ctx);
      case "errorfiles" -> {
        if (!line.has(1)) {
          ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "errorfiles : expects <name> as argument.");
        } else {
          ctx.refer("http-errors", line.arg(1), line, 1, "proxy '" + p.name() + "': unknown http-errors section '"
              + line.arg(1) + "' (at " + ctx.report.fileName() + ":" + line.number() + ").");
        }
      }
      case "stats" -> stats(line, ctx);
      case "maxconn", "backlog", "fullconn", "max-keep-alive-queue" -> integer(line, ctx, "'" + kw + "' expects an integer argument.");
      case "retries" -> integer(line, ctx, "'retries' expects an integer argument (dispatch counts for one).");
      case "id" -> {
        if (!line.arg(1).matches("[0-9]+") || line.arg(1).matches("0+")) {
          ctx.report.after(HaproxyRules.INVALID_VALUE, line, 1, "parsing [" + ctx.report.fileName() + ":" + line.number()
              + "]: custom id has to be > 0.", null);
        }
      }
      case "description" -> {
        if (!line.has(1)) {
          ctx.report.after(HaproxyRules.INVALID_VALUE, line, 0, "parsing [" + ctx.report.fileName() + ":" + line.number()
              + "]: 'description' expects a string argument.", null);
        }
      }
      case "cookie" -> cookie(line, ctx);
      case "stick-table" -> stickTable(line, p, ctx);
      case "stick" -> {
        p.trackRules.add(line);
        int at = RuleReader.conditionStart(line, 1);
        RuleReader.condition(line, at, "stick", p, ctx, RuleReader.places(p.kind(), "stick"));
      }
      case "use-server" -> {
        p.useServers.add(line);
        RuleReader.condition(line, 2, "use-server", p, ctx, RuleReader.places(p.kind(), "use-server"));
      }
      case "force-persist", "ignore-persist", "monitor" -> {
        int at = RuleReader.conditionStart(line, 1);
        RuleReader.condition(line, at, kw, p, ctx, RuleReader.places(p.kind(), "http-request"));
      }
      case "hash-type" -> {
        if (!line.arg(1).equals("consistent") && !line.arg(1).equals("map-based")) {
          ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, "'hash-type' only supports 'consistent' and 'map-based'.");
        }
      }
      case "http-reuse" -> {
        if (!List.of("never", "safe", "aggressive", "always").contains(line.arg(1))) {
          ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, "'http-reuse' only supports 'never', 'safe', "
              + "'aggressive', 'always'.");
        }
      }
      case "compression" -> compression(line, ctx);
      case "capture" -> capture(line, ctx);
      case "bind-process" -> ctx.report.after(HaproxyRules.DEPRECATED, line, 0, "parsing [" + ctx.report.fileName() + ":"
          + line.number() + "]: 'bind-process' has no effect, is deprecated, and will be removed in version 2.7.", null);
      case "monitor-uri" -> {
        if (!line.has(1)) {
          ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "'monitor-uri' expects an URI.");
        }
      }
      case "unique-id-format", "log-format", "log-format-sd", "error-log-format" -> {
        if (line.has(1)) {
          LogFormat.Read r = LogFormat.read(line.arg(1), Set.of());
          if (r.error() != null) {
            ctx.report.after(HaproxyRules.ACL, line, 1, "Parsing [" + ctx.report.fileName() + ":" + line.number()
                + "]: failed to parse " + kw + " : " + r.error() + ".", null);
          }
        }
      }
      default -> {
        // keywords the checker takes as written: their arguments are not checked further
      }
    }
  }

  /** Applies the matrix: reports a keyword out of place and says whether to read it further. */
  private static boolean allowed(Line line, ProxyKeywords.Spec spec, ProxyState p, ReadContext ctx) {
    String kw = line.keyword();
    if (p.kind() == SectionKind.DEFAULTS) {
      if (spec.defaults() == 'N') {
        String message = switch (kw) {
          case "declare" -> "'declare' not available in default section";
          case "filter" -> "parsing [" + ctx.report.fileName() + ":" + line.number() + "] : filter is not allowed in a "
              + "'default' section.";
          case "stick-table" -> "'stick-table' is not supported in 'defaults' section.";
          case "capture", "stats" -> "'" + kw + " " + line.arg(1) + "' not allowed in 'defaults' section.";
          default -> "'" + kw + "' not allowed in 'defaults' section.";
        };
        ctx.report.parsing(HaproxyRules.NOT_ALLOWED_HERE, line, 0, message);
        return false;
      }
      if (spec.defaults() == '!' && p.isAnonymousDefaults()) {
        String message = kw.startsWith("tcp-request") || kw.startsWith("tcp-response")
            ? kw + " " + line.arg(1) + " is not allowed in anonymous 'defaults' sections"
            : "'" + kw + "' not allowed in anonymous 'defaults' section.";
        ctx.report.parsing(HaproxyRules.NOT_ALLOWED_HERE, line, 0, message);
        return false;
      }
      return true;
    }
    if (kw.equals("stats") && line.arg(1).equals("admin") && p.kind() == SectionKind.DEFAULTS) {
      return false;
    }
    boolean fe = p.kind().hasFrontend();
    boolean be = p.kind().hasBackend();
    if (kw.equals("tcp-request") && (line.arg(1).equals("connection") || line.arg(1).equals("session")) && !fe) {
      ctx.report.parsing(HaproxyRules.NOT_ALLOWED_HERE, line, 0, "tcp-request " + line.arg(1) + " is not allowed because "
          + "backend " + p.name() + " is not a frontend");
      return false;
    }
    if (spec.side().equals("be") && !be) {
      if (spec.error()) {
        String message = switch (kw) {
          case "retry-on" -> "'retry-on' only available in backend or listen section";
          case "tcp-response" -> "tcp-response content is only allowed in 'backend' sections or 'defaults' section with a "
              + "name";
          default -> "'" + kw + "' not allowed because " + RuleReader.proxyWord(p) + " '" + p.name() + "' has no backend "
              + "capability.";
        };
        ctx.report.parsing(HaproxyRules.NOT_ALLOWED_HERE, line, 0, message);
      } else {
        ctx.report.parsing(HaproxyRules.IGNORED, line, 0, "'" + kw + "' ignored because " + RuleReader.proxyWord(p) + " '"
            + p.name() + "' has no backend capability." + (kw.equals("fullconn") ? " Maybe you want 'maxconn' instead ?" : ""));
      }
      return false;
    }
    if (spec.side().equals("fe") && !fe) {
      if (spec.error()) {
        ctx.report.parsing(HaproxyRules.NOT_ALLOWED_HERE, line, 0, "'" + kw + "' only available in frontend or listen section");
      } else if (kw.equals("log-format") || kw.equals("log-format-sd") || kw.equals("error-log-format")) {
        ctx.report.parsing(HaproxyRules.IGNORED, line, 0, "backend '" + p.name() + "' : '" + kw + "' directive is ignored "
            + "in backends.");
      } else if (kw.equals("rate-limit")) {
        ctx.report.parsing(HaproxyRules.IGNORED, line, 0, "rate-limit sessions will be ignored because backend '" + p.name()
            + "' has no frontend capability");
      } else {
        ctx.report.parsing(HaproxyRules.IGNORED, line, 0, "'" + kw + "' ignored because backend '" + p.name()
            + "' has no frontend capability." + (kw.equals("maxconn") ? " Maybe you want 'fullconn' instead ?" : ""));
      }
      return false;
    }
    return true;
  }

  private static void mode(Line line, ProxyState p, ReadContext ctx) {
    String m = line.arg(1);
    switch (m) {
      case "http", "tcp" -> p.mode = new Setting<>(m, line);
      case "health" -> ctx.report.parsing(HaproxyRules.REMOVED, line, 1, "'mode health' doesn't exist anymore. Please use "
          + "'http-request return status 200' instead.");
      default -> ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, "unknown proxy mode '" + m + "'.");
    }
  }

  private static void timeout(Line line, ProxyState p, ReadContext ctx) {
    String name = line.arg(1);
    if (!TIMEOUTS.contains(name)) {
      ctx.report.parsing(HaproxyRules.UNKNOWN_KEYWORD, line, 1, "'timeout' supports 'client', 'server', 'connect', 'check', "
          + "'queue', 'http-keep-alive', 'http-request', 'tunnel', 'tarpit', 'client-fin' and 'server-fin' (got '" + name
          + "')", Suggest.hint(name, TIMEOUTS));
      return;
    }
    String what = "'timeout " + name + "'";
    if (!line.has(2)) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, what + " expects an integer value (in milliseconds)");
      return;
    }
    if (line.has(3)) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 3, what + " : unexpected extra argument '" + line.arg(3)
          + "' after value '" + line.arg(2) + "'.");
      return;
    }
    long ms = 1000;
    if (!line.words().get(2).dynamic()) {
      Durations.Read d = Durations.read(line.arg(2));
      if (d.overflow()) {
        ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 2, "timer overflow in argument '" + line.arg(2) + "' to "
            + what + " (maximum value is 2147483647 ms or ~24.8 days)");
        return;
      }
      if (!d.ok()) {
        ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 2, "unexpected character '" + d.bad() + "' in " + what);
        return;
      }
      ms = d.millis();
      if (d.warning(line.arg(2)) != null) {
        ctx.report.parsing(HaproxyRules.DEPRECATED, line, 2, d.warning(line.arg(2)));
      }
    }
    if (FE_TIMEOUTS.contains(name) && !p.kind().hasFrontend() || BE_TIMEOUTS.contains(name) && !p.kind().hasBackend()) {
      ctx.report.parsing(HaproxyRules.IGNORED, line, 0, what + " will be ignored because " + RuleReader.proxyWord(p) + " '"
          + p.name() + "' has no " + (FE_TIMEOUTS.contains(name) ? "frontend" : "backend") + " capability");
      return;
    }
    p.timeouts.put(name, new Setting<>(ms, line));
  }

  private static void tcp(Line line, ProxyState p, ReadContext ctx) {
    String set = line.keyword();
    String sub = line.arg(1);
    if (sub.equals("inspect-delay")) {
      if (!line.has(2) || !Durations.read(line.arg(2)).ok()) {
        ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, "'" + set + " inspect-delay' expects a time value.");
      }
      return;
    }
    List<String> subs = set.equals("tcp-request") ? List.of("connection", "session", "content") : List.of("content");
    if (!subs.contains(sub)) {
      ctx.report.parsing(HaproxyRules.UNKNOWN_KEYWORD, line, 1, "'" + set + "' expects " + (set.equals("tcp-request")
          ? "'connection', 'session', 'content' or 'inspect-delay'" : "'content' or 'inspect-delay'") + " (got '" + sub + "').");
      return;
    }
    String ruleSet = set + " " + sub;
    String action = line.arg(2);
    List<String> known = new java.util.ArrayList<>(List.of("accept", "reject", "capture", "expect-proxy",
        "expect-netscaler-cip", "close", "track-sc0", "track-sc1", "track-sc2"));
    known.addAll(Registered.actions(ruleSet));
    if (RuleReader.match(action, known) == null) {
      ctx.report.parsing(HaproxyRules.UNKNOWN_KEYWORD, line, 2, "'" + ruleSet + "' expects 'accept', 'reject', 'capture', "
          + "'expect-proxy', 'expect-netscaler-cip', 'track-sc0' ... 'track-sc2', and the registered actions, but got '"
          + action + "'.", Suggest.hint(action, known));
      return;
    }
    int at = RuleReader.conditionStart(line, 3);
    Optional<org.opsbook.checker.haproxy.model.Condition> cond = RuleReader.condition(line, at, ruleSet + " " + action, p,
        ctx, RuleReader.places(p.kind(), ruleSet));
    if (cond == null) {
      return;
    }
    if (action.startsWith("track-sc")) {
      p.trackRules.add(line);
    }
    p.tcpRequest.add(new org.opsbook.checker.haproxy.model.Rule(line, ruleSet, action, line.words().subList(3, at), cond));
  }

  private static void balance(Line line, ReadContext ctx) {
    String algo = line.arg(1);
    String base = algo.contains("(") ? algo.substring(0, algo.indexOf('(')) : algo;
    if (BALANCE.contains(base) || base.equals("hdr") && algo.contains("(") || base.equals("rdp-cookie")) {
      return;
    }
    ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, "balance only supports 'roundrobin', 'static-rr', "
        + "'leastconn', 'source', 'uri', 'url_param', 'hdr(name)' and 'rdp-cookie(name)' options.");
  }

  private static void log(Line line, ProxyState p, ReadContext ctx) {
    if (line.isNo()) {
      p.hasLog = false;
      return;
    }
    if (line.arg(1).equals("global")) {
      p.hasLog = true;
      return;
    }
    int i = 2;
    while (i < line.size() && (line.arg(i).equals("len") || line.arg(i).equals("format") || line.arg(i).equals("sample"))) {
      i += 2;
    }
    if (!line.has(1) || !line.has(i)) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "log : expects <address> and <facility> or global as "
          + "arguments");
      return;
    }
    if (!FACILITIES.contains(line.arg(i))) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, i, "log : unknown log facility '" + line.arg(i) + "'");
      return;
    }
    p.hasLog = true;
  }

  private static void errorfile(Line line, ProxyState p, ReadContext ctx) {
    if (!line.has(2)) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "errorfile : expects <status_code> and <file> as arguments.");
      return;
    }
    int code = line.arg(1).matches("[0-9]{1,6}") ? Integer.parseInt(line.arg(1)) : 0;
    if (!ERRORFILE_CODES.contains(code)) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, "errorfile : status code '" + code + "' not handled.");
      return;
    }
    String path = line.arg(2);
    if (!line.words().get(2).dynamic() && !ctx.files.exists(path)) {
      ctx.report.parsing(HaproxyRules.MISSING_FILE, line, 2, "errorfile : error opening file '" + path + "'.",
          "add the file as a snippet with file=" + path + ", or mark this snippet fragment");
    } else {
      ctx.payloads.add(new ReadContext.Payload(line, 2, path, true, "errorfile"));
    }
    p.errorfiles.put(code, new ErrorFile(line, code, path));
  }

  private static void stats(Line line, ReadContext ctx) {
    String sub = line.arg(1);
    if (!STATS.contains(sub)) {
      ctx.report.after(HaproxyRules.UNKNOWN_KEYWORD, line, 1, "parsing [" + ctx.report.fileName() + ":" + line.number()
          + "]: unknown stats parameter '" + sub + "', expects 'admin', 'uri', 'realm', 'auth', 'scope', 'enable', "
          + "'hide-version', 'show-node', 'show-desc' or 'show-legends'.", Suggest.hint(sub, STATS));
      return;
    }
    if ((sub.equals("uri") || sub.equals("realm") || sub.equals("auth") || sub.equals("scope") || sub.equals("refresh"))
        && !line.has(2)) {
      String need = switch (sub) {
        case "uri" -> "'uri' needs an URI prefix.";
        case "realm" -> "'realm' needs an realm name.";
        case "auth" -> "'auth' needs a user:password account.";
        case "scope" -> "'scope' needs a proxy name.";
        default -> "'refresh' needs a refresh period.";
      };
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, need);
    }
  }

  private static void integer(Line line, ReadContext ctx, String message) {
    if (!line.has(1)) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, message);
    }
  }

  private static void cookie(Line line, ReadContext ctx) {
    if (!line.has(1)) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "'cookie' expects <cookie_name> as argument.");
      return;
    }
    Set<String> flags = Set.of("rewrite", "insert", "prefix", "indirect", "nocache", "postonly", "preserve", "httponly",
        "secure", "dynamic");
    Set<String> valued = Set.of("domain", "maxidle", "maxlife", "attr");
    for (int i = 2; i < line.size(); i++) {
      String w = line.arg(i);
      if (valued.contains(w)) {
        i++;
      } else if (!flags.contains(w)) {
        ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, i, "'cookie' supports 'rewrite', 'insert', 'prefix', "
            + "'indirect', 'nocache', 'postonly', 'domain', 'maxidle', 'dynamic', 'maxlife' and 'attr' options.");
        return;
      }
    }
  }

  private static void stickTable(Line line, ProxyState p, ReadContext ctx) {
    String type = null;
    boolean size = false;
    for (int i = 1; i < line.size(); i++) {
      String w = line.arg(i);
      if (w.equals("type")) {
        type = line.arg(i + 1);
        if (!List.of("ip", "ipv6", "integer", "string", "binary").contains(type)) {
          ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, i + 1, "stick-table: unknown type '" + type + "'.");
          return;
        }
        i++;
      } else if (w.equals("size")) {
        size = line.has(i + 1);
        i++;
      }
    }
    if (type == null) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "stick-table: missing type.");
      return;
    }
    if (!size) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "stick-table: missing size.");
      return;
    }
    p.hasStickTable = true;
  }

  private static void compression(Line line, ReadContext ctx) {
    String sub = line.arg(1);
    switch (sub) {
      case "algo" -> {
        for (int i = 2; i < line.size(); i++) {
          if (!List.of("identity", "deflate", "raw-deflate", "gzip").contains(line.arg(i))) {
            ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, i, "'compression' : '" + line.arg(i) + "' is not a supported "
                + "algorithm.");
            return;
          }
        }
      }
      case "type", "offload", "algo-req", "algo-res", "type-req", "type-res", "direction" -> {
        // the types are not checked
      }
      default -> ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, "'compression' expects 'algo', 'type' or "
          + "'offload'");
    }
  }

  private static void capture(Line line, ReadContext ctx) {
    String sub = line.arg(1);
    if (sub.equals("cookie")) {
      if (!line.has(2) || !line.arg(3).equals("len") || !line.has(4)) {
        ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "'capture cookie' expects <cookie_name> 'len' <len>.");
      }
    } else if (sub.equals("request") || sub.equals("response")) {
      if (!line.arg(2).equals("header") || !line.has(3) || !line.arg(4).equals("len") || !line.has(5)) {
        ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "'capture " + sub + "' expects 'header' <header_name> 'len' "
            + "<len>.");
      }
    } else {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "'capture' expects 'cookie', 'request' or 'response'.");
    }
  }
}
