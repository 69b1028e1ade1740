package org.opsbook.checker.haproxy.validate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.Section;
import org.opsbook.checker.haproxy.rules.HaproxyRules;

/**
 * Reads the sections that are not proxies or global: userlist, peers, mailers, resolvers,
 * program, http-errors, cache, ring, log-forward, fcgi-app. Each has a small keyword set
 * (configuration manual sections 3.4 to 3.10 and 10.7); unknown keywords are refused with the
 * section name HAProxy uses in its message. Stateless.
 */
final class OtherSections {
  private static final Map<String, List<String>> KEYWORDS = new TreeMap<>(Map.of(
      "userlist", List.of("group", "user"),
      "peers", List.of("peer", "server", "bind", "default-bind", "default-server", "disabled", "enable", "enabled",
          "log", "shards", "table"),
      "mailers", List.of("mailer", "timeout"),
      "resolvers", List.of("nameserver", "parse-resolv-conf", "accepted_payload_size", "hold", "resolve_retries",
          "timeout", "resolution_pool_size"),
      "program", List.of("command", "user", "group", "option", "no"),
      "http-errors", List.of("errorfile"),
      "cache", List.of("total-max-size", "max-age", "max-object-size", "process-vary", "max-secondary-entries"),
      "ring", List.of("description", "format", "maxlen", "size", "server", "timeout"),
      "log-forward", List.of("bind", "dgram-bind", "backlog", "maxconn", "timeout", "log"),
      "fcgi-app", List.of("docroot", "index", "path-info", "option", "log-stderr", "pass-header", "set-param", "no")));
  /** The section names HAProxy's messages use, where they differ from the keyword. */
  private static final Map<String, String> MESSAGE_NAMES = Map.of("userlist", "users");

  private OtherSections() {}

  static void read(Section s, ReadContext ctx) {
    String kw = s.kind().keyword();
    String name = s.name();
    switch (kw) {
      case "http-errors" -> ctx.httpErrors.add(name);
      case "userlist" -> ctx.userlists.add(name);
      case "cache" -> ctx.caches.add(name);
      case "resolvers" -> ctx.resolvers.add(name);
      case "peers" -> ctx.peers.add(name);
      case "mailers" -> ctx.mailers.add(name);
      case "ring" -> ctx.rings.add(name);
      default -> {
        // no references to these
      }
    }
    List<String> known = KEYWORDS.get(kw);
    if (known == null) {
      return;
    }
    boolean cacheSize = false;
    for (Line line : s.lines()) {
      String k = line.keyword();
      if (!known.contains(k)) {
        String section = MESSAGE_NAMES.getOrDefault(kw, kw);
        if (kw.equals("userlist")) {
          ctx.report.after(HaproxyRules.UNKNOWN_KEYWORD, line, 0, "parsing [" + ctx.report.fileName() + ":" + line.number()
              + "]: unknown keyword '" + k + "' in '" + section + "' section", Suggest.hint(k, known));
        } else {
          ctx.report.parsing(HaproxyRules.UNKNOWN_KEYWORD, line, 0, "unknown keyword '" + k + "' in '" + section
              + "' section", Suggest.hint(k, known));
        }
        continue;
      }
      if (kw.equals("http-errors") && k.equals("errorfile")) {
        if (!line.has(2)) {
          ctx.report.parsing(HaproxyRules.INVALID_VALUE, line, 0, "errorfile : expects <status_code> and <file> as "
              + "arguments.");
        } else if (!ctx.files.exists(line.arg(2))) {
          ctx.report.parsing(HaproxyRules.MISSING_FILE, line, 2, "errorfile : error opening file '" + line.arg(2) + "'.",
              "add the file as a snippet with file=" + line.arg(2) + ", or mark this snippet fragment");
        } else {
          ctx.payloads.add(new ReadContext.Payload(line, 2, line.arg(2), true, "errorfile"));
        }
      }
      if (kw.equals("cache") && k.equals("total-max-size")) {
        cacheSize = true;
      }
    }
    if (kw.equals("cache") && !cacheSize) {
      ctx.report.after(HaproxyRules.INVALID_VALUE, s.header(), 0, "Size not specified for cache '" + name + "'", null);
    }
    if (kw.equals("program") && !ctx.masterWorker) {
      ctx.report.after(HaproxyRules.INVALID_VALUE, s.header(), 0, "Can't use a 'program' section without master worker "
          + "mode.", "add master-worker to the global section, or start haproxy with -W");
    }
  }
}
