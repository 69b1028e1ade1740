package org.opsbook.checker.haproxy.validate;

import java.util.List;
import java.util.Optional;
import org.opsbook.checker.haproxy.model.Bind;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.Rule;
import org.opsbook.checker.haproxy.model.SectionKind;
import org.opsbook.checker.haproxy.model.Server;
import org.opsbook.checker.haproxy.rules.HaproxyRules;

/**
 * The checks HAProxy runs once every section is read (cfgparse.c check_config_validity): backend
 * references and their modes, tables, servers and sections named elsewhere, certificates, missing
 * timeouts, frontends without bind, HTTP rules in TCP proxies and log formats without a log.
 * HAProxy prints most of these without a line; they are placed at the line that names the thing.
 * Stateless.
 */
final class PostChecks {
  private PostChecks() {}

  static void run(List<ProxyState> proxies, ReadContext ctx) {
    for (ProxyState p : proxies) {
      if (p.kind() == SectionKind.DEFAULTS) {
        continue;
      }
      if (p.kind().hasFrontend()) {
        p.defaultBackend.ifPresent(d -> backend(p, d.value(), d.line(), 1, "as its default backend", proxies, ctx,
            "Proxy '" + p.name() + "': unable to find required default_backend: '" + d.value() + "'."));
        for (Rule r : p.switching) {
          if (!r.action().contains("%")) {
            backend(p, r.action(), r.line(), 1, "in a 'use_backend' rule", proxies, ctx, "Proxy '" + p.name()
                + "': unable to find required use_backend: '" + r.action() + "'.");
          }
        }
      }
      tables(p, proxies, ctx);
      for (Line l : p.useServers) {
        String name = l.arg(1);
        if (!name.contains("%") && p.servers.stream().noneMatch(s -> s.name().equals(name))) {
          ctx.report.after(HaproxyRules.UNDEFINED, l, 1, RuleReader.proxyWord(p) + " '" + p.name() + "' : unable to find "
              + "server '" + name + "' referenced in a 'use-server' rule.", null);
        }
      }
      ssl(p, ctx);
      if (!p.isHttpMode()) {
        httpRulesInTcp(p, ctx);
      }
      if (p.kind() == SectionKind.FRONTEND && p.binds.isEmpty()) {
        ctx.report.after(HaproxyRules.NO_BIND, p.section.header(), 0, "frontend '" + p.name() + "' has no 'bind' "
            + "directive. Please declare it as a backend if this was intended.", "add a bind line, or make this a backend");
      }
      boolean needsClient = p.kind().hasFrontend() && zero(p, "client");
      boolean needsServer = p.kind().hasBackend() && (zero(p, "connect") || zero(p, "server"));
      if (needsClient || needsServer) {
        ctx.report.after(HaproxyRules.MISSING_TIMEOUT, p.section.header(), 0, "missing timeouts for "
            + RuleReader.proxyWord(p) + " '" + p.name() + "'. While not properly invalid, you will certainly encounter "
            + "various problems with such a configuration. To fix this, please ensure that all following timeouts are set "
            + "to a non-zero value: 'client', 'connect', 'server'.", "set timeout client, timeout connect and timeout "
            + "server, best in the defaults section");
      }
      if (p.kind().hasFrontend() && !p.hasLog) {
        for (String o : List.of("httplog", "tcplog", "httpslog")) {
          if (p.options.containsKey(o) && p.options.get(o).value() && p.options.get(o).line().file() >= 0) {
            ctx.report.after(HaproxyRules.WARNING, p.options.get(o).line(), 0, "log format ignored for "
                + RuleReader.proxyWord(p) + " '" + p.name() + "' since it has no log address.",
                "add 'log global' (with a log line in global) or a log target");
            break;
          }
        }
      }
    }
    for (ReadContext.Reference r : ctx.references) {
      boolean found = switch (r.kind()) {
        case "http-errors" -> ctx.httpErrors.contains(r.name());
        case "cache" -> ctx.caches.contains(r.name());
        case "userlist" -> ctx.userlists.contains(r.name());
        case "resolvers" -> ctx.resolvers.contains(r.name());
        default -> true;
      };
      if (!found) {
        ctx.report.after(HaproxyRules.UNDEFINED, r.line(), r.word(), r.message(), null);
      }
    }
  }

  private static boolean zero(ProxyState p, String timeout) {
    return !p.timeouts.containsKey(timeout) || p.timeouts.get(timeout).value() == 0;
  }

  private static void backend(ProxyState fe, String name, Line line, int word, String how, List<ProxyState> proxies,
      ReadContext ctx, String missing) {
    Optional<ProxyState> be = proxies.stream().filter(p -> p.kind().hasBackend() && p.kind() != SectionKind.DEFAULTS
        && p.name().equals(name)).findFirst();
    if (be.isEmpty()) {
      ctx.report.after(HaproxyRules.UNDEFINED, line, word, missing, "define 'backend " + name + "', or fix the name");
      return;
    }
    if (fe.isHttpMode() && !be.get().isHttpMode()) {
      ctx.report.after(HaproxyRules.REFERENCE, line, word, "http frontend '" + fe.name() + "' (" + ctx.report.fileName()
          + ":" + fe.section.header().number() + ") tries to use incompatible tcp backend '" + name + "' ("
          + ctx.report.fileName() + ":" + be.get().section.header().number() + ") " + how + " (see 'mode').",
          "set mode http in the backend, or mode tcp in the frontend");
    }
  }

  private static void tables(ProxyState p, List<ProxyState> proxies, ReadContext ctx) {
    for (Line l : p.trackRules) {
      String table = null;
      for (int i = 1; i + 1 < l.size(); i++) {
        if (l.arg(i).equals("table")) {
          table = l.arg(i + 1);
        }
      }
      String key = l.keyword().equals("stick") ? "stick-table" : null;
      String t = table;
      boolean found = t == null ? p.hasStickTable
          : proxies.stream().anyMatch(o -> o.name().equals(t) && o.hasStickTable);
      if (!found) {
        String name = t == null ? p.name() : t;
        String action = l.keyword().equals("stick") ? null : l.keyword().equals("http-request") ? l.arg(1) : l.arg(2);
        ctx.report.after(HaproxyRules.UNDEFINED, l, 0, key != null ? "Proxy '" + p.name() + "': unable to find stick-table '"
            + name + "'." : "Proxy '" + p.name() + "': unable to find table '" + name + "' referenced by " + action + ".",
            "declare a stick-table in this section or name one with 'table'");
      }
    }
  }

  private static void ssl(ProxyState p, ReadContext ctx) {
    for (Bind b : p.binds) {
      if (b.has("ssl") && !b.has("crt") && !b.has("crt-list")) {
        ctx.report.after(HaproxyRules.SSL, b.line(), 0, "Proxy '" + p.name() + "': no SSL certificate specified for bind '"
            + b.addresses() + "' at [" + ctx.report.fileName() + ":" + b.line().number() + "] (use 'crt').",
            "add crt /path/to/cert.pem to the bind line");
      }
    }
    boolean defaultSsl = p.defaultServerOptions.contains("ssl");
    for (Server s : p.servers) {
      List<String> opts = s.options().stream().map(w -> w.text()).toList();
      boolean ssl = opts.contains("ssl") || (defaultSsl && !opts.contains("no-ssl"));
      if (!ssl) {
        continue;
      }
      boolean noVerify = ctx.sslServerVerify.equals("none") || hasNone(opts)
          || (!opts.contains("verify") && hasNone(p.defaultServerOptions));
      boolean ca = opts.contains("ca-file") || p.defaultServerOptions.contains("ca-file");
      if (!noVerify && !ca) {
        ctx.report.after(HaproxyRules.SSL, s.line(), 0, "[" + ctx.report.fileName() + ":" + s.line().number() + "] : 'server "
            + p.name() + "/" + s.name() + "' : verify is enabled by default but no CA file specified. If you're running on "
            + "a LAN where you're certain to trust the server's certificate, please set an explicit 'verify none' "
            + "statement on the 'server' line, or use 'ssl-server-verify none' in the global section to disable "
            + "server-side verifications by default.", "add ca-file /etc/ssl/certs/ca-certificates.crt, or verify none");
      }
    }
  }

  private static boolean hasNone(List<String> opts) {
    for (int i = 0; i + 1 < opts.size(); i++) {
      if (opts.get(i).equals("verify") && opts.get(i + 1).equals("none")) {
        return true;
      }
    }
    return false;
  }

  private static void httpRulesInTcp(ProxyState p, ReadContext ctx) {
    if (!p.httpRequest.isEmpty()) {
      ctx.report.after(HaproxyRules.IGNORED, p.httpRequest.get(0).line(), 0, "'http-request' rules ignored for "
          + RuleReader.proxyWord(p) + " '" + p.name() + "' as they require HTTP mode.", "add mode http");
    }
    if (!p.httpResponse.isEmpty()) {
      ctx.report.after(HaproxyRules.IGNORED, p.httpResponse.get(0).line(), 0, "'http-response' rules ignored for "
          + RuleReader.proxyWord(p) + " '" + p.name() + "' as they require HTTP mode.", "add mode http");
    }
    if (!p.httpAfterResponse.isEmpty()) {
      ctx.report.after(HaproxyRules.IGNORED, p.httpAfterResponse.get(0).line(), 0, "'http-after-response' rules ignored "
          + "for " + RuleReader.proxyWord(p) + " '" + p.name() + "' as they require HTTP mode.", "add mode http");
    }
  }
}
