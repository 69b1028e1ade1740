package org.opsbook.checker.haproxy.validate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opsbook.checker.haproxy.catalogue.Place;
import org.opsbook.checker.haproxy.catalogue.Registered;
import org.opsbook.checker.haproxy.model.Acl;
import org.opsbook.checker.haproxy.model.AclTerm;
import org.opsbook.checker.haproxy.model.Condition;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.Rule;
import org.opsbook.checker.haproxy.model.SampleExpr;
import org.opsbook.checker.haproxy.model.SectionKind;
import org.opsbook.checker.haproxy.model.Word;
import org.opsbook.checker.haproxy.rules.HaproxyRules;

/**
 * Reads the lines of a proxy that hold ACLs, rules and conditions: {@code acl}, {@code
 * http-request}, {@code http-response}, {@code http-after-response}, {@code tcp-request}, {@code
 * tcp-response}, {@code redirect}, {@code use_backend} and {@code default_backend}, with the
 * argument forms of the actions in cfgparse-listen.c, http_act.c, http_htx.c and tcp_rules.c.
 * Stateless; what it reads goes into the {@link ProxyState}.
 */
final class RuleReader {
  private static final Set<Integer> ERRORFILE_CODES = Set.of(200, 400, 401, 403, 404, 405, 407, 408, 410, 413, 425,
      429, 500, 501, 502, 503, 504);
  private static final Set<String> LOG_LEVELS = Set.of("emerg", "alert", "crit", "err", "warning", "notice", "info",
      "debug", "silent");

  private RuleReader() {}

  /** The places a rule set's samples are fetched in, for a proxy of this kind. */
  static Set<Place> places(SectionKind kind, String ruleSet) {
    EnumSet<Place> out = EnumSet.noneOf(Place.class);
    if (kind == SectionKind.DEFAULTS) {
      return out;
    }
    boolean fe = kind.hasFrontend();
    boolean be = kind.hasBackend();
    switch (ruleSet) {
      case "http-request", "redirect" -> {
        if (fe) {
          out.add(Place.FE_HRQ_HDR);
        }
        if (be) {
          out.add(Place.BE_HRQ_HDR);
        }
      }
      case "http-response", "http-after-response" -> {
        if (fe) {
          out.add(Place.FE_HRS_HDR);
        }
        if (be) {
          out.add(Place.BE_HRS_HDR);
        }
      }
      case "use_backend" -> out.add(Place.FE_SET_BCK);
      case "tcp-request connection" -> out.add(Place.FE_CON);
      case "tcp-request session" -> out.add(Place.FE_SES);
      case "tcp-request content" -> {
        if (fe) {
          out.add(Place.FE_REQ_CNT);
        }
        if (be) {
          out.add(Place.BE_REQ_CNT);
        }
      }
      case "tcp-response content" -> {
        if (be) {
          out.add(Place.BE_RES_CNT);
        }
        if (fe) {
          out.add(Place.FE_RES_CNT);
        }
      }
      case "use-server", "stick" -> out.add(Place.BE_SET_SRV);
      default -> {
        // no check
      }
    }
    return out;
  }

  // ---- acl ----

  static void acl(Line line, ProxyState p, ReadContext ctx) {
    String name = line.arg(1);
    if (!line.has(1)) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "'acl' expects an ACL name and a criterion.");
      return;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128) && c != '.' && c != '-' && c != '_' && c != ':') {
        ctx.report.parsing(HaproxyRules.ACL, line, 1, "character '" + c + "' is not permitted in acl name '" + name + "'.");
        return;
      }
    }
    AclReader.Read r = AclReader.read(line, line.words().subList(2, line.size()), 2);
    if (r.error() != null) {
      ctx.report.parsing(HaproxyRules.ACL, line, Math.min(r.word(), line.size() - 1), "error detected while parsing ACL '"
          + name + "' : " + r.error() + ".");
      return;
    }
    checkFiles(r.term(), line, ctx);
    if (r.noPatternWarning()) {
      ctx.report.after(HaproxyRules.NEVER_MATCHES, line, 2, "parsing acl keyword '" + r.term().expr().fetch() + "' : no "
          + "pattern to match against were provided, so this ACL will never match.", "add a pattern, or '-m found' to "
          + "match on presence, or '--' to silence this on purpose");
    }
    p.acls.computeIfAbsent(name, k -> new ArrayList<>()).add(r.term());
  }

  private static void checkFiles(AclTerm term, Line line, ReadContext ctx) {
    for (String f : term.files()) {
      if (!ctx.files.exists(f)) {
        int word = indexOf(line, f);
        ctx.report.parsing(HaproxyRules.MISSING_FILE, line, word, "failed to open pattern file <" + f + ">.",
            "add the file as a snippet with file=" + f + ", or mark this snippet fragment");
      }
    }
    expressionFiles(term.expr(), line, ctx);
  }

  static void expressionFiles(SampleExpr expr, Line line, ReadContext ctx) {
    for (SampleExpr.Converter c : expr.converters()) {
      if (c.name().startsWith("map") && !c.args().isEmpty() && !ctx.files.exists(c.args().get(0))) {
        ctx.report.parsing(HaproxyRules.MISSING_FILE, line, indexOf(line, c.args().get(0)), "invalid args in converter '"
            + c.name() + "' : failed to open pattern file <" + c.args().get(0) + ">.",
            "add the map as a snippet with file=" + c.args().get(0) + ", or mark this snippet fragment");
      }
    }
  }

  private static int indexOf(Line line, String text) {
    for (int i = 0; i < line.size(); i++) {
      if (line.arg(i).contains(text)) {
        return i;
      }
    }
    return 0;
  }

  // ---- conditions ----

  /**
   * Reads an optional {@code if}/{@code unless} condition starting at word {@code at}. Returns
   * null after reporting an error; an empty optional when there is no condition.
   */
  static Optional<Condition> condition(Line line, int at, String rule, ProxyState p, ReadContext ctx,
      Set<Place> places) {
    if (!line.has(at)) {
      return Optional.empty();
    }
    String kw = line.arg(at);
    if (!kw.equals("if") && !kw.equals("unless")) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, at, "'" + rule + "' expects either 'if' or 'unless' followed "
          + "by a condition but found '" + kw + "'.");
      return null;
    }
    ConditionReader.Read r = ConditionReader.read(line, at + 1, kw.equals("unless"), p.acls::containsKey);
    if (r.error() != null) {
      ctx.report.parsing(HaproxyRules.ACL, line, Math.min(r.word(), line.size() - 1), "error detected while parsing an '"
          + rule + "' condition : " + r.error() + ".");
      return null;
    }
    for (AclReader.Read a : r.anonymous()) {
      checkFiles(a.term(), line, ctx);
    }
    neverMatches(line, r.condition(), p, ctx, places);
    return Optional.of(r.condition());
  }

  private static void neverMatches(Line line, Condition cond, ProxyState p, ReadContext ctx, Set<Place> places) {
    if (places.isEmpty()) {
      return;
    }
    String where = places.iterator().next().words();
    for (List<Condition.Term> group : cond.alternatives()) {
      for (Condition.Term t : group) {
        if (t.anonymous() != null) {
          SampleExpr e = t.anonymous().terms().get(0).expr();
          if (!SampleReader.usable(e, places)) {
            ctx.report.parsing(HaproxyRules.NEVER_MATCHES, line, 0, "anonymous acl will never match because it uses "
                + "keyword '" + e.fetch() + "' which is incompatible with '" + where + "'");
          }
        } else if (!t.predefined()) {
          List<AclTerm> terms = p.acls.getOrDefault(t.name(), List.of());
          if (!terms.isEmpty() && terms.stream().noneMatch(term -> SampleReader.usable(term.expr(), places))) {
            ctx.report.parsing(HaproxyRules.NEVER_MATCHES, line, 0, "acl '" + t.name() + "' will never match because it "
                + "only involves keywords that are incompatible with '" + where + "'");
          }
        }
      }
    }
  }

  /** The index of the first {@code if}/{@code unless} at or after {@code from}, or the line's size. */
  static int conditionStart(Line line, int from) {
    for (int i = from; i < line.size(); i++) {
      if (line.arg(i).equals("if") || line.arg(i).equals("unless")) {
        return i;
      }
    }
    return line.size();
  }

  // ---- http-request / http-response / http-after-response ----

  static void http(Line line, ProxyState p, ReadContext ctx) {
    String set = line.keyword();
    Set<Place> places = places(p.kind(), set);
    if (!line.has(1)) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "missing keyword in '" + set + "' rule.");
      return;
    }
    String action = line.arg(1);
    List<String> known = Registered.actions(set);
    String matched = match(action, known);
    if (matched == null) {
      ctx.report.parsing(HaproxyRules.UNKNOWN_KEYWORD, line, 1, "'" + set + "' expects " + known.stream()
          .map(a -> "'" + (a.endsWith("*") ? a.substring(0, a.length() - 1) + "(*)" : a) + "'")
          .collect(Collectors.joining(", ")) + ", but got '" + action + "'.",
          Suggest.hint(action, known.stream().map(a -> a.replace("*", "")).toList()));
      return;
    }
    String rule = set + " " + action;
    String where = "error detected in " + proxyWord(p) + " '" + p.name() + "' while parsing '" + rule + "' rule : ";
    int end = arguments(line, matched, where, p, ctx, places);
    if (end < 0) {
      return;
    }
    Optional<Condition> cond = condition(line, end, rule, p, ctx, places);
    if (cond == null) {
      return;
    }
    Rule r = new Rule(line, set, action, line.words().subList(2, Math.min(end, line.size())), cond);
    switch (set) {
      case "http-request" -> {
        if (p.firstSwitching != null && p.kind() != SectionKind.DEFAULTS) {
          ctx.report.parsing(HaproxyRules.RULE_ORDER, line, 0, "a 'http-request' rule placed after a 'use_backend' rule "
              + "will still be processed before.");
        } else if (p.firstRedirect != null && p.kind() != SectionKind.DEFAULTS) {
          ctx.report.parsing(HaproxyRules.RULE_ORDER, line, 0, "a 'http-request' rule placed after a 'redirect' rule "
              + "will still be processed before.");
        }
        p.httpRequest.add(r);
        if (action.startsWith("track-sc")) {
          p.trackRules.add(line);
        }
      }
      case "http-response" -> p.httpResponse.add(r);
      default -> p.httpAfterResponse.add(r);
    }
  }

  static String proxyWord(ProxyState p) {
    return switch (p.kind()) {
      case FRONTEND -> "frontend";
      case BACKEND -> "backend";
      case DEFAULTS -> "defaults";
      default -> "proxy";
    };
  }

  /** The catalogue entry an action word matches: exact, or by prefix for names ending in '*'. */
  static String match(String action, List<String> known) {
    for (String k : known) {
      if (k.endsWith("*") ? action.startsWith(k.substring(0, k.length() - 1)) : k.equals(action)) {
        return k;
      }
    }
    return null;
  }

  /**
   * Checks an action's own arguments and returns the index of the word after them (where a
   * condition may start), or -1 after reporting an error.
   */
  private static int arguments(Line line, String action, String where, ProxyState p, ReadContext ctx,
      Set<Place> places) {
    int cond = conditionStart(line, 2);
    int n = cond - 2;
    switch (action) {
      case "allow", "reject", "silent-drop", "wait-for-handshake", "disable-l7-retry" -> {
        return 2;
      }
      case "cache-store" -> {
        ctx.refer("cache", line.arg(2), line, 2, proxyWord(p) + " '" + p.name() + "': unable to find the cache '"
            + line.arg(2) + "' referenced by the filter 'cache'.");
        return 3;
      }
      case "set-header", "add-header", "early-hint" -> {
        if (n < 2) {
          return fail(line, where + "expects exactly 2 arguments.", ctx, 0);
        }
        return format(line, 3, where, ctx, places) ? 4 : -1;
      }
      case "replace-header", "replace-value" -> {
        if (n < 3) {
          return fail(line, where + "expects exactly 3 arguments.", ctx, 0);
        }
        if (!regex(line, 3, where, ctx)) {
          return -1;
        }
        return format(line, 4, where, ctx, places) ? 5 : -1;
      }
      case "replace-path", "replace-pathq", "replace-uri" -> {
        if (n < 2) {
          return fail(line, where + "expects exactly 2 arguments <match-regex> and <replace-format>.", ctx, 0);
        }
        if (!regex(line, 2, where, ctx)) {
          return -1;
        }
        return format(line, 3, where, ctx, places) ? 4 : -1;
      }
      case "set-path", "set-pathq", "set-query", "set-uri", "set-method" -> {
        if (n < 1) {
          return fail(line, where + "expects exactly 1 argument <format>.", ctx, 0);
        }
        return format(line, 2, where, ctx, places) ? 3 : -1;
      }
      case "set-status" -> {
        if (n < 1 || !line.arg(2).matches("[1-5][0-9][0-9]")) {
          return fail(line, where + "expects an HTTP status code between 100 and 999.", ctx, 2);
        }
        return line.arg(3).equals("reason") ? 5 : 3;
      }
      case "del-header" -> {
        if (n < 1) {
          return fail(line, where + "expects at least 1 argument.", ctx, 0);
        }
        if (line.arg(3).equals("-m")) {
          String m = line.arg(4);
          if (!List.of("str", "beg", "end", "sub", "reg").contains(m)) {
            return fail(line, where + "-m with unsupported matching method '" + m + "'.", ctx, 4);
          }
          return 5;
        }
        return 3;
      }
      case "deny", "tarpit", "return" -> {
        return reply(line, action, where, p, ctx, places);
      }
      case "redirect" -> {
        return redirect(line, 2, where, ctx, places);
      }
      case "auth" -> {
        return line.arg(2).equals("realm") ? 4 : 2;
      }
      case "set-var*", "set-src", "set-dst", "set-src-port", "set-dst-port", "set-priority-class",
          "set-priority-offset", "track-sc*", "do-resolve*" -> {
        String a = line.arg(1);
        if (a.startsWith("set-var") && !a.startsWith("set-var-fmt")) {
          String var = a.contains("(") ? a.substring(a.indexOf('(') + 1, a.endsWith(")") ? a.length() - 1 : a.length()) : "";
          if (!validVariable(var.split(",")[0])) {
            return fail(line, where.replace("'" + line.arg(0) + " " + a + "'", "'" + line.arg(0) + " " + a + "'")
                + "invalid variable name '" + var + "'. A variable name must be start by its scope. The scope can be "
                + "'proc', 'sess', 'txn', 'req', 'res' or 'check'.", ctx, 1);
          }
        }
        if (a.startsWith("track-sc")) {
          String num = a.substring("track-sc".length());
          if (!num.matches("[0-2]")) {
            return fail(line, where + num + " track-sc number exceeding 2 (MAX_SESS_STKCTR-1) value.", ctx, 1);
          }
        }
        if (n < 1) {
          return fail(line, where + "missing fetch method.", ctx, 1);
        }
        if (!expression(line, 2, where, ctx, places)) {
          return -1;
        }
        int next = 3;
        if (a.startsWith("track-sc") && line.arg(3).equals("table")) {
          next = 5;
        }
        return next;
      }
      case "set-var-fmt*" -> {
        if (n < 1) {
          return fail(line, where + "missing format string.", ctx, 1);
        }
        return format(line, 2, where, ctx, places) ? 3 : -1;
      }
      case "set-log-level" -> {
        if (n < 1 || !LOG_LEVELS.contains(line.arg(2))) {
          return fail(line, where + "expects exactly 1 argument (log level name or 'silent').", ctx, 2);
        }
        return 3;
      }
      case "strict-mode" -> {
        if (!line.arg(2).equals("on") && !line.arg(2).equals("off")) {
          return fail(line, where + "Unexpected value '" + line.arg(2) + "'. Only 'on' and 'off' are supported.", ctx, 2);
        }
        return 3;
      }
      case "normalize-uri" -> {
        if (!ctx.experimental) {
          ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 1, "'normalize-uri' action is experimental, must be "
              + "allowed via a global 'expose-experimental-directives'");
          return -1;
        }
        return cond;
      }
      case "use-service" -> {
        String svc = line.arg(2);
        if (!Registered.services().contains(svc)) {
          return fail(line, where + "'" + svc + "' unknown service name..", ctx, 2);
        }
        return 3;
      }
      case "set-timeout" -> {
        if (!p.kind().hasBackend()) {
          return fail(line, where + "proxy '" + p.name() + "' has no backend capability.", ctx, 1);
        }
        return cond;
      }
      case "cache-use" -> {
        ctx.refer("cache", line.arg(2), line, 2, proxyWord(p) + " '" + p.name() + "': unable to find the cache '"
            + line.arg(2) + "' referenced by the filter 'cache'.");
        return 3;
      }
      default -> {
        return cond;
      }
    }
  }

  private static boolean validVariable(String name) {
    int dot = name.indexOf('.');
    if (dot < 0) {
      return false;
    }
    return List.of("proc", "sess", "txn", "req", "res", "check").contains(name.substring(0, dot));
  }

  private static int fail(Line line, String message, ReadContext ctx, int word) {
    ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, Math.min(word, Math.max(0, line.size() - 1)), message);
    return -1;
  }

  private static boolean regex(Line line, int i, String where, ReadContext ctx) {
    if (line.words().get(i).dynamic()) {
      return true;
    }
    String e = AclReader.Regexes.problem(line.arg(i));
    if (e != null) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, i, where + "failed to parse the regex : regex '" + line.arg(i)
          + "' is invalid (" + e + ").");
      return false;
    }
    return true;
  }

  /** Checks word {@code i} as a log-format string; reports and returns false when HAProxy refuses it. */
  static boolean format(Line line, int i, String where, ReadContext ctx, Set<Place> places) {
    if (!line.has(i) || line.words().get(i).dynamic()) {
      return true;
    }
    LogFormat.Read r = LogFormat.read(line.arg(i), places);
    if (r.error() != null) {
      ctx.report.parsing(HaproxyRules.ACL, line, i, where + r.error() + ".");
      return false;
    }
    for (SampleExpr e : r.samples()) {
      expressionFiles(e, line, ctx);
    }
    return true;
  }

  private static boolean expression(Line line, int i, String where, ReadContext ctx, Set<Place> places) {
    if (line.words().get(i).dynamic()) {
      return true;
    }
    SampleReader.Read r = SampleReader.read(line.arg(i), 0, '\0', false);
    if (!r.ok()) {
      ctx.report.parsing(HaproxyRules.ACL, line, i, where + "failed to parse sample expression <" + line.arg(i) + "> : "
          + r.error() + ".");
      return false;
    }
    if (!SampleReader.usable(r.expr(), places)) {
      ctx.report.parsing(HaproxyRules.ACL, line, i, where + "fetch method '" + r.expr().fetch() + "' extracts information "
          + "from what is not available here.");
      return false;
    }
    expressionFiles(r.expr(), line, ctx);
    return true;
  }

  /**
   * The http-reply arguments of deny, tarpit and return (http_htx.c, http_parse_http_reply):
   * status/deny_status, content-type, one payload source, hdr NAME VALUE.
   */
  private static int reply(Line line, String action, String where, ProxyState p, ReadContext ctx, Set<Place> places) {
    int i = 2;
    int status = action.equals("return") ? 200 : action.equals("tarpit") ? 500 : 403;
    boolean statusGiven = false;
    String payload = null;
    String contentType = null;
    boolean defaultErrorfiles = false;
    while (i < line.size()) {
      String w = line.arg(i);
      switch (w) {
        case "status", "deny_status" -> {
          String v = line.arg(i + 1);
          int code = v.matches("[0-9]{1,4}") ? Integer.parseInt(v) : 0;
          if (code < 200 || code > 599) {
            return fail(line, where + "Unexpected status code '" + v + "'.", ctx, i + 1);
          }
          status = code;
          statusGiven = true;
          i += 2;
        }
        case "content-type" -> {
          if (!line.has(i + 1)) {
            return fail(line, where + "'content-type' expects a value as argument.", ctx, i);
          }
          contentType = line.arg(i + 1);
          i += 2;
        }
        case "default-errorfiles" -> {
          defaultErrorfiles = true;
          payload = check(payload, w, line, i, where, ctx);
          if (payload == null) {
            return -1;
          }
          i++;
        }
        case "errorfile", "errorfiles", "file", "lf-file", "string", "lf-string" -> {
          payload = check(payload, w, line, i, where, ctx);
          if (payload == null) {
            return -1;
          }
          if (!line.has(i + 1)) {
            return fail(line, where + "'" + w + "' expects <" + (w.endsWith("string") ? "string" : "file") + "> as argument.",
                ctx, i);
          }
          String v = line.arg(i + 1);
          switch (w) {
            case "errorfile", "file", "lf-file" -> {
              if (!line.words().get(i + 1).dynamic() && !ctx.files.exists(v)) {
                ctx.report.parsing(HaproxyRules.MISSING_FILE, line, i + 1, where + "error opening file '" + v + "'.",
                    "add the file as a snippet with file=" + v + ", or mark this snippet fragment");
              } else {
                ctx.payloads.add(new ReadContext.Payload(line, i + 1, v, w.equals("errorfile"), line.arg(0) + " " + action));
              }
            }
            case "errorfiles" -> ctx.refer("http-errors", v, line, i + 1, "Proxy '" + p.name() + "': unknown http-errors "
                + "section '" + v + "' referenced by an http reply .");
            case "lf-string" -> {
              if (!format(line, i + 1, where, ctx, places)) {
                return -1;
              }
            }
            default -> {
              // a plain string
            }
          }
          i += 2;
        }
        case "hdr" -> {
          if (!line.has(i + 2) || line.arg(i + 1).equals("if") || line.arg(i + 1).equals("unless")) {
            return fail(line, where + "'hdr' expects <name> and <value> as arguments.", ctx, i);
          }
          if (!format(line, i + 2, where, ctx, places)) {
            return -1;
          }
          i += 3;
        }
        default -> {
          return finish(line, i, status, statusGiven, payload, contentType, defaultErrorfiles, action, where, ctx);
        }
      }
    }
    return finish(line, i, status, statusGiven, payload, contentType, defaultErrorfiles, action, where, ctx);
  }

  private static String check(String payload, String w, Line line, int i, String where, ReadContext ctx) {
    if (payload != null) {
      String same = payload.equals(w) ? "'" + w + "' already defined" : "'" + payload + "' already defined";
      fail(line, where + "unexpected '" + w + "' argument, " + same + ".", ctx, i);
      return null;
    }
    return w;
  }

  private static int finish(Line line, int i, int status, boolean statusGiven, String payload, String contentType,
      boolean defaultErrorfiles, String action, String where, ReadContext ctx) {
    // deny and tarpit without a payload answer with the proxy's errorfile for the status, as
    // default-errorfiles does for return: only the codes HAProxy has errorfiles for.
    boolean usesErrorfiles = defaultErrorfiles || (!action.equals("return") && payload == null);
    if (usesErrorfiles && !ERRORFILE_CODES.contains(status)) {
      return fail(line, where + "status code '" + status + "' not handled by default with 'default-errorfiles' argument..",
          ctx, 2);
    }
    boolean body = payload != null && (payload.endsWith("string") || payload.equals("file") || payload.equals("lf-file"));
    if (body && contentType == null) {
      return fail(line, where + "a content type must be defined when non-empty payload is configured.", ctx, 0);
    }
    if (body && (status == 204 || status == 304)) {
      return fail(line, where + "No body expected for " + status + " responses.", ctx, 0);
    }
    if (contentType != null && payload == null) {
      ctx.report.parsing(HaproxyRules.WARNING, line, 0, "content-type '" + contentType + "' ignored by the http reply "
          + "because neither errorfile nor payload defined.");
    }
    return i;
  }

  /** The redirect arguments shared by {@code redirect} and {@code http-request redirect} (http_rules.c). */
  static int redirect(Line line, int from, String where, ReadContext ctx, Set<Place> places) {
    int i = from;
    String type = null;
    while (i < line.size()) {
      String w = line.arg(i);
      switch (w) {
        case "location", "prefix", "scheme" -> {
          if (!line.has(i + 1) || line.arg(i + 1).equals("if") || line.arg(i + 1).equals("unless")) {
            return fail(line, where + "missing argument for '" + w + "'.", ctx, i);
          }
          type = w;
          if (!format(line, i + 1, where, ctx, places)) {
            return -1;
          }
          i += 2;
        }
        case "code" -> {
          String v = line.arg(i + 1);
          if (!List.of("301", "302", "303", "307", "308").contains(v)) {
            return fail(line, where + "'code': unsupported HTTP code '" + v + "' (must be one of 301, 302, 303, 307 or 308).",
                ctx, i + 1);
          }
          i += 2;
        }
        case "set-cookie", "clear-cookie" -> i += 2;
        case "drop-query", "append-slash", "ignore-empty" -> i++;
        case "if", "unless" -> {
          if (type == null) {
            return fail(line, where + "redirection type expected ('prefix', 'location', or 'scheme').", ctx, 0);
          }
          return i;
        }
        default -> {
          return fail(line, where + "expects 'code', 'prefix', 'location', 'scheme', 'set-cookie', 'clear-cookie', "
              + "'drop-query', 'ignore-empty' or 'append-slash' (was '" + w + "').", ctx, i);
        }
      }
    }
    if (type == null) {
      return fail(line, where + "redirection type expected ('prefix', 'location', or 'scheme').", ctx, 0);
    }
    return i;
  }

  // ---- redirect keyword ----

  static void redirectKeyword(Line line, ProxyState p, ReadContext ctx) {
    Set<Place> places = places(p.kind(), "redirect");
    String where = "error detected in " + proxyWord(p) + " '" + p.name() + "' while parsing redirect rule : ";
    int end = redirect(line, 1, where, ctx, places);
    if (end < 0) {
      return;
    }
    Optional<Condition> cond = condition(line, end, "redirect", p, ctx, places);
    if (cond == null) {
      return;
    }
    p.redirects.add(new Rule(line, "redirect", "redirect", line.words().subList(1, end), cond));
    if (p.firstRedirect == null) {
      p.firstRedirect = line;
    }
  }

  // ---- use_backend / default_backend ----

  static void useBackend(Line line, ProxyState p, ReadContext ctx) {
    if (!line.has(1)) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "'use_backend' expects a backend name.");
      return;
    }
    Word name = line.words().get(1);
    if (name.text().contains("%")) {
      LogFormat.Read r = LogFormat.read(name.text(), places(p.kind(), "use_backend"));
      if (r.error() != null) {
        ctx.report.after(HaproxyRules.ACL, line, 1, "Parsing [" + ctx.report.fileName() + ":" + line.number() + "]: failed "
            + "to parse use_backend rule '" + name.text() + "' : " + r.error() + ".", null);
        return;
      }
      for (SampleExpr e : r.samples()) {
        expressionFiles(e, line, ctx);
      }
    }
    if (line.has(2) && !line.arg(2).equals("if") && !line.arg(2).equals("unless")) {
      ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 2, "unexpected keyword '" + line.arg(2) + "' after switching "
          + "rule, only 'if' and 'unless' are allowed.");
      return;
    }
    Optional<Condition> cond = condition(line, 2, "use_backend", p, ctx, places(p.kind(), "use_backend"));
    if (cond == null) {
      return;
    }
    p.switching.add(new Rule(line, "use_backend", name.text(), List.of(name), cond));
    if (p.firstSwitching == null) {
      p.firstSwitching = line;
    }
  }

  /** Keeps the list of acls a proxy has, as HAProxy resolves names: in declaration order. */
  static List<Acl> acls(ProxyState p) {
    List<Acl> out = new ArrayList<>();
    p.acls.forEach((name, terms) -> out.add(new Acl(name, terms)));
    return out;
  }
}
