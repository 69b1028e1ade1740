package org.opsbook.checker.apache.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opsbook.checker.apache.expr.ExprParser;
import org.opsbook.checker.apache.model.ConfWords;
import org.opsbook.checker.apache.model.HttpStatus;
import org.opsbook.checker.apache.model.Problem;

/** core.c's handlers (and http_core.c's, mpm_common's, mod_log_config's basics), with their messages. */
final class CoreChecks {
  private CoreChecks() {}

  static void register(Map<String, DirectiveCheck> m) {
    m.put("options", CoreChecks::options);
    m.put("allowoverride", CoreChecks::allowOverride);
    m.put("errordocument", CoreChecks::errorDocument);
    m.put("serveralias", call -> {
      if (!call.state.isVirtualHost()) {
        call.fail(Problem.Kind.CONTEXT, "ServerAlias only used in <VirtualHost>", "move it into the <VirtualHost> it names");
      }
    });
    m.put("servername", CoreChecks::serverName);
    // set_serv_tokens (core.c): 2.4 refuses a word it does not know (2.2 took it as Full).
    m.put("servertokens", DirectiveChecks.oneOf("ServerTokens takes 1 argument: 'Prod(uctOnly)', 'Major', 'Minor', "
        + "'Min(imal)', 'OS', or 'Full'", "prod", "productonly", "major", "minor", "min", "minimal", "os", "full"));
    m.put("serversignature", DirectiveChecks.oneOf("ServerSignature: use one of: off | on | email", "on", "off", "email"));
    m.put("hostnamelookups", DirectiveChecks.oneOf("parameter must be 'on', 'off', or 'double'", "on", "off", "double"));
    m.put("usecanonicalname", DirectiveChecks.oneOf("parameter must be 'on', 'off', or 'dns'", "on", "off", "dns"));
    m.put("usecanonicalphysicalport", DirectiveChecks.oneOf("parameter must be 'on' or 'off'", "on", "off"));
    m.put("traceenable", DirectiveChecks.oneOf("TraceEnable must be one of 'on', 'off', or 'extended'", "on", "off", "extended"));
    m.put("allowencodedslashes", call -> {
      List<String> w = ArgForms.values(call.args());
      String v = w.get(0).toLowerCase(Locale.ROOT);
      if (!v.equals("on") && !v.equals("off") && !v.equals("nodecode")) {
        call.fail(Problem.Kind.ARGUMENTS, call.at(0), "AllowEncodedSlashes must be On, Off, or NoDecode", null);
      }
    });
    m.put("acceptpathinfo", DirectiveChecks.oneOf("AcceptPathInfo must be set to on, off or default", "on", "off", "default"));
    m.put("enablemmap", DirectiveChecks.oneOf("parameter must be 'on' or 'off'", "on", "off"));
    m.put("enablesendfile", DirectiveChecks.oneOf("parameter must be 'on' or 'off'", "on", "off"));
    m.put("fileetag", CoreChecks::fileEtag);
    m.put("loglevel", CoreChecks::logLevel);
    // Timeout and MaxKeepAliveRequests take atoi() of anything; KeepAliveTimeout is parsed with units.
    m.put("keepalivetimeout", call -> {
      if (!isTimeout(call.directive.word(0))) {
        call.fail(Problem.Kind.ARGUMENTS, call.at(0), "KeepAliveTimeout has wrong format",
            "a number of seconds, optionally with a unit: 5, 5s, 500ms, 2mi, 1h");
      }
    });
    m.put("limitrequestbody", call -> {
      String v = call.directive.word(0);
      if (!v.matches("[0-9]+")) {
        call.fail(Problem.Kind.ARGUMENTS, call.at(0), "LimitRequestBody argument is not parsable.", "a number of bytes");
      }
    });
    // set_limit_req_line, set_limit_req_fieldsize, set_limit_req_fields (core.c): atoi, then lim < 0.
    m.put("limitrequestline", call -> nonNegative(call, "LimitRequestLine"));
    m.put("limitrequestfieldsize", call -> nonNegative(call, "LimitRequestFieldsize"));
    m.put("limitrequestfields", call -> nonNegative(call, "LimitRequestFields"));
    // set_http_protocol_options (core.c)
    m.put("httpprotocoloptions", call -> {
      for (ConfWords.Word w : call.words()) {
        String v = w.value().toLowerCase(Locale.ROOT);
        if (!List.of("allow0.9", "require1.0", "registeredmethods", "lenientmethods", "unsafe", "strict").contains(v)) {
          call.fail(Problem.Kind.ARGUMENTS, call.at(w), "HttpProtocolOptions accepts 'Unsafe' or 'Strict' (default), "
              + "'RegisteredMethods' or 'LenientMethods' (default), and 'Require1.0' or 'Allow0.9' (default)", null);
          return;
        }
      }
    });
    // ap_mutex_parse_args / ap_parse_mutex (util_mutex.c): the mechanism before any ':'.
    m.put("mutex", call -> {
      ConfWords.Word first = call.words().get(0);
      String v = first.value();
      int colon = v.indexOf(':');
      String mech = (colon < 0 ? v : v.substring(0, colon)).toLowerCase(Locale.ROOT);
      if (!List.of("none", "default", "flock", "fcntl", "file", "pthread", "sysvsem", "posixsem", "sem").contains(mech)) {
        call.fail(Problem.Kind.ARGUMENTS, call.at(first), "Invalid Mutex argument " + v + " (Mutex mechanisms are: "
            + "'none', 'default', 'flock:/path/to/file', 'fcntl:/path/to/file', 'file:/path/to/file', 'pthread', "
            + "'sysvsem', 'posixsem', 'sem')", null);
      }
    });
    m.put("listen", CoreChecks::listen);
    m.put("protocols", call -> {
      for (ConfWords.Word w : call.words()) {
        String p = w.value().toLowerCase(Locale.ROOT);
        if (!p.equals("h2") && !p.equals("h2c") && !p.equals("http/1.1") && !p.equals("acme-tls/1")) {
          call.warn(call.at(w), "Protocols " + w.value() + " is not a protocol httpd speaks with the loaded modules", null);
        }
      }
    });
    m.put("adddefaultcharset", call -> { });
    m.put("error", call -> {
      // generate_error: the message, without surrounding quotes.
      String msg = call.args();
      if (msg.length() > 1 && (msg.charAt(0) == '"' || msg.charAt(0) == '\'') && msg.endsWith(String.valueOf(msg.charAt(0)))) {
        msg = msg.substring(1, msg.length() - 1);
      }
      call.fail(Problem.Kind.ARGUMENTS, msg.isEmpty() ? "The Error directive was used with no message." : msg,
          "the configuration stops itself here on purpose");
    });
  }

  /** set_options in core.c. */
  private static void options(Call call) {
    boolean first = true;
    boolean merge = false;
    boolean allNone = false;
    for (ConfWords.Word word : call.words()) {
      String w = word.value();
      char action = 0;
      if (w.startsWith("+") || w.startsWith("-")) {
        action = w.charAt(0);
        w = w.substring(1);
        if (!merge && !first && !allNone) {
          call.fail(Problem.Kind.ARGUMENTS, call.at(word), "Either all Options must start with + or -, or no Option may.",
              "write every option with + or -, or none");
          return;
        }
        merge = true;
      } else if (!first && merge) {
        call.fail(Problem.Kind.ARGUMENTS, call.at(word), "Either all Options must start with + or -, or no Option may.",
            "write every option with + or -, or none");
        return;
      }
      String l = w.toLowerCase(Locale.ROOT);
      switch (l) {
        case "indexes", "includes", "includesnoexec", "followsymlinks", "symlinksifownermatch", "execcgi", "multiviews",
            "runscripts" -> { }
        case "none", "all" -> {
          String canon = l.equals("none") ? "None" : "All";
          if (!first) {
            call.fail(Problem.Kind.ARGUMENTS, call.at(word), "'Options " + canon + "' must be the first "
                + (canon.equals("None") ? "Option" : "option") + " given.", null);
            return;
          }
          if (merge) {
            call.fail(Problem.Kind.ARGUMENTS, call.at(word), "You may not use 'Options +" + canon + "' or 'Options -"
                + canon + "'.", null);
            return;
          }
          allNone = true;
        }
        default -> {
          call.fail(Problem.Kind.ARGUMENTS, call.at(word), "Illegal option " + w,
              w.startsWith("#") ? "httpd has no end-of-line comments: put the comment on its own line"
                  : "options are None, All, Indexes, Includes, IncludesNOEXEC, FollowSymLinks, SymLinksIfOwnerMatch, ExecCGI, MultiViews");
          return;
        }
      }
      first = false;
      if (action == 0 && l.isEmpty()) {
        return;
      }
    }
  }

  /** set_override in core.c. */
  private static void allowOverride(Call call) {
    if (call.state.findParent("<Location", "<LocationMatch", "<Files", "<FilesMatch", "<If", "<ElseIf", "<Else") != null) {
      call.warn(call.directive.at(), "Useless use of AllowOverride in line " + call.directive.line().lastLine() + ".",
          "AllowOverride only has an effect in <Directory>");
    }
    for (ConfWords.Word word : call.words()) {
      String w = word.value();
      int eq = w.indexOf('=');
      String k = eq < 0 ? w : w.substring(0, eq);
      String v = eq < 0 ? null : w.substring(eq + 1);
      String l = k.toLowerCase(Locale.ROOT);
      if (l.equals("options") || ((l.equals("limit") || l.equals("fileinfo") || l.equals("authconfig") || l.equals("indexes")
          || l.equals("none") || l.equals("all")) && eq < 0)) {
        continue;
      }
      if (l.equals("nonfatal")) {
        if (v == null) {
          call.fail(Problem.Kind.ARGUMENTS, call.at(word), "=Override, =Unknown or =All expected after " + w, null);
          return;
        }
        continue;
      }
      call.fail(Problem.Kind.ARGUMENTS, call.at(word), "Illegal override option " + w,
          "classes are None, All, AuthConfig, FileInfo, Indexes, Limit, Options[=...], Nonfatal=...");
      return;
    }
  }

  /** set_error_document in core.c: any status httpd knows, then a message, local path or URL. */
  private static void errorDocument(Call call) {
    List<String> w = ArgForms.values(call.args());
    String code = w.get(0);
    long n = atoi(code);
    if (n != 500 && !HttpStatus.isKnown((int) Math.max(0, Math.min(n, 1000)))) {
      call.fail(Problem.Kind.ARGUMENTS, call.at(0), "Unsupported HTTP response code " + code,
          "ErrorDocument takes a status httpd knows, such as 404 or 503");
      return;
    }
    String msg = w.get(1);
    boolean message = msg.indexOf(' ') >= 0 || (!msg.startsWith("/") && !msg.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*://.*"));
    if (!msg.equalsIgnoreCase("default")) {
      ExprParser.StringResult parsed = ExprParser.parseString(message ? "\"" + msg : msg, Sections.exprOptions(call));
      if (!parsed.ok()) {
        call.fail(Problem.Kind.EXPRESSION, call.at(1), "Cannot parse expression in ErrorDocument: " + parsed.error(), null);
        return;
      }
    }
    call.value((int) n);
  }

  /** set_etag_bits in core.c. */
  private static void fileEtag(Call call) {
    for (ConfWords.Word word : call.words()) {
      String w = word.value();
      boolean relative = w.startsWith("+") || w.startsWith("-");
      String token = relative ? w.substring(1) : w;
      String l = token.toLowerCase(Locale.ROOT);
      if (!List.of("none", "all", "size", "lmtime", "mtime", "lastmodified", "inode", "digest").contains(l)) {
        call.fail(Problem.Kind.ARGUMENTS, call.at(word), "Unknown keyword '" + token + "' for FileETag directive",
            "keywords are None, All, INode, MTime, Size and Digest");
        return;
      }
      if (relative && (l.equals("none") || l.equals("all"))) {
        call.fail(Problem.Kind.ARGUMENTS, call.at(word), "FileETag keyword '" + token + "' cannot be used with '+' or '-'", null);
        return;
      }
    }
  }

  private static final List<String> LEVELS = List.of("emerg", "alert", "crit", "error", "warn", "notice", "info", "debug",
      "trace1", "trace2", "trace3", "trace4", "trace5", "trace6", "trace7", "trace8");

  /** set_loglevel in core.c: a level, or module:level. */
  private static void logLevel(Call call) {
    for (ConfWords.Word word : call.words()) {
      String w = word.value();
      int colon = w.indexOf(':');
      String level = colon < 0 ? w : w.substring(colon + 1);
      if (colon >= 0) {
        String module = w.substring(0, colon);
        String name = module.endsWith("_module") ? module.substring(0, module.length() - 7)
            : module.startsWith("mod_") && module.endsWith(".c") ? module.substring(4, module.length() - 2) : module;
        if (!call.modules().has(name) && !name.equals("core")) {
          call.fail(Problem.Kind.ARGUMENTS, call.at(word), "Cannot find module " + module, "the module must be loaded");
          return;
        }
      }
      if (!LEVELS.contains(level.toLowerCase(Locale.ROOT))) {
        call.fail(Problem.Kind.ARGUMENTS, call.at(word),
            "Log level keyword must be one of emerg/alert/crit/error/warn/notice/info/debug/trace1/.../trace8",
            "LogLevel warn, or per module: LogLevel warn rewrite:trace3");
        return;
      }
    }
  }

  /** ap_timeout_parameter_parse (util.c): digits, then nothing or a unit starting s, h, ms or mi. */
  static boolean isTimeout(String v) {
    int i = 0;
    while (i < v.length() && ConfWords.isSpace(v.charAt(i))) {
      i++;
    }
    if (i < v.length() && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
      if (v.charAt(i) == '-' && i + 1 < v.length() && Character.isDigit(v.charAt(i + 1)) && atoi(v) != 0) {
        return false;
      }
      i++;
    }
    int digits = i;
    while (i < v.length() && Character.isDigit(v.charAt(i))) {
      i++;
    }
    if (i - digits > 18) {
      return false;
    }
    String unit = v.substring(i);
    if (unit.isEmpty()) {
      return true;
    }
    return unit.startsWith("s") || unit.startsWith("h") || unit.startsWith("ms") || unit.startsWith("mi");
  }

  /** server_hostname_port in core.c. */
  private static void serverName(Call call) {
    String v = call.directive.word(0);
    if (v.indexOf('*') >= 0 || v.indexOf('?') >= 0 || v.indexOf('[') >= 0) {
      call.fail(Problem.Kind.ARGUMENTS, call.at(0), "Invalid ServerName \"" + v
          + "\" use ServerAlias to set multiple server names.", "wildcards belong in ServerAlias");
      return;
    }
    int scheme = v.indexOf("://");
    String part = scheme < 0 ? v : v.substring(scheme + 3);
    int colon = part.indexOf(':');
    if (colon >= 0) {
      long port = atoi(part.substring(colon + 1));
      if (port <= 0 || port >= 65536) {
        call.fail(Problem.Kind.ARGUMENTS, call.at(0), "The port number \"" + v
            + "\" is outside the appropriate range (i.e., 1..65535).", null);
      }
    }
  }

  /** C's atoi: leading digits, 0 if none (clamped so it cannot overflow). */
  static long atoi(String s) {
    int i = 0;
    while (i < s.length() && ConfWords.isSpace(s.charAt(i))) {
      i++;
    }
    boolean negative = i < s.length() && s.charAt(i) == '-';
    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    long n = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i)) && n < 10_000_000_000L) {
      n = n * 10 + (s.charAt(i++) - '0');
    }
    return negative ? -n : n;
  }

  /** ap_set_listener (listen.c): [address:]port [protocol], at server level only. */
  private static void listen(Call call) {
    List<String> w = ArgForms.values(call.args());
    if (w.isEmpty() || w.size() > 2) {
      call.fail(Problem.Kind.ARGUMENTS, "Listen requires 1 or 2 arguments.", null);
      return;
    }
    java.util.Optional<org.opsbook.checker.apache.model.AddrPort> a = org.opsbook.checker.apache.model.AddrPort.parse(w.get(0));
    if (a.isEmpty()) {
      call.fail(Problem.Kind.ARGUMENTS, call.at(0), "Invalid address or port", "bracket IPv6 addresses: [2001:db8::1]:80");
      return;
    }
    if (a.get().port() == 0) {
      call.fail(Problem.Kind.ARGUMENTS, call.at(0), "Port must be specified", "write the port: Listen 80, Listen 192.0.2.1:8080");
    }
  }

  /** atoi() as C reads it (leading blanks, a sign, digits; anything else ends the number), then lim < 0. */
  private static void nonNegative(Call call, String name) {
    String v = call.directive.word(0);
    String t = v.stripLeading();
    boolean negative = t.startsWith("-") && t.length() > 1 && Character.isDigit(t.charAt(1));
    if (negative && !t.substring(1).replaceFirst("[^0-9].*$", "").matches("0*")) {
      call.fail(Problem.Kind.ARGUMENTS, call.at(0), name + " \"" + v + "\" must be a non-negative integer", "0 or more");
    }
  }
}
