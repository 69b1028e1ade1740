package org.opsbook.checker.apache.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.apache.model.Problem;
import org.opsbook.diag.Severity;

/** Every rule of the Apache httpd checker: what {@code apache2 -t} refuses, then lint rules. */
public final class ApacheRules {
  private static final String T = "`apache2 -t` refuses the file with this message, and httpd will not start or "
      + "reload with it: a reload keeps the old configuration running, a restart leaves the site down. ";

  public static final RuleInfo SECTION = RuleInfo.of("apache.section", Severity.ERROR,
      "a section is not opened, closed or nested as httpd requires",
      T + "Every `<Name args>` needs its `</Name>` on a line of its own, closed in the reverse order of opening; "
          + "`<IfModule>` and `<IfDefine>` may not close a section opened outside them; `<VirtualHost>` does not nest; "
          + "`<Else>` must follow an `<If>` or `<ElseIf>` in the same section. The rules are httpd's build phase "
          + "(server/config.c, ap_build_config) and the section handlers in server/core.c.");
  public static final RuleInfo UNKNOWN_DIRECTIVE = RuleInfo.of("apache.unknown-directive", Severity.ERROR,
      "httpd does not know the directive: misspelt, or its module is not loaded",
      T + "httpd looks a directive up among the modules it has loaded, so a typo and a directive of a module that is "
          + "not enabled give the same message: \"Invalid command '...', perhaps misspelled or defined by a module not "
          + "included in the server configuration\". The hint names the module when the directive exists in one of "
          + "Debian's: enable it with `a2enmod` (and tell opsbook with `checkers.apache.modules`), or put the lines in "
          + "`<IfModule mod_name.c>` when they are optional. Apache 2.2's `Order`, `Allow` and `Deny` need "
          + "mod_access_compat; 2.4 writes `Require` instead.");
  public static final RuleInfo CONTEXT = RuleInfo.of("apache.context", Severity.ERROR,
      "a directive where httpd does not allow it",
      T + "Each directive is allowed in some contexts only: server config, `<VirtualHost>`, `<Directory>` and its "
          + "siblings, `.htaccess` (with the `AllowOverride` class it belongs to). `Require` belongs in a `<Directory>`, "
          + "`<Location>` or `<Files>`; `ServerName`, `DocumentRoot` and `Alias` at server or virtual host level; "
          + "`Listen` and `User` at server level only. The message is httpd's own (config.c, invoke_cmd, and core.c, "
          + "ap_check_cmd_context).");
  public static final RuleInfo ARGUMENTS = RuleInfo.of("apache.arguments", Severity.ERROR,
      "wrong number of arguments, or a value the directive refuses",
      T + "httpd checks the number of words first (\"takes one argument\", \"must be On or Off\"), then the "
          + "directive's handler checks the values: `Options` names, `AllowOverride` classes, `ErrorDocument` status "
          + "codes, `Listen` ports. httpd has no end-of-line comments: `Options None # quiet` hands `#` and `quiet` "
          + "to `Options`. Quote a value with spaces.");
  public static final RuleInfo REWRITE = RuleInfo.of("apache.rewrite", Severity.ERROR,
      "a RewriteRule, RewriteCond, RewriteBase or RewriteOptions that mod_rewrite refuses",
      T + "mod_rewrite reads `RewriteRule pattern substitution [flags]` and `RewriteCond teststring pattern [flags]` "
          + "itself: the pattern must be a regular expression PCRE compiles, and the flags field must be in `[ ]`, "
          + "comma-separated, each flag one mod_rewrite knows (L, R=code, F, G, PT, QSA, QSD, NC, E=var:value, END, "
          + "CO=..., T=..., S=n, N, C, P, NE, B, DPI...). `R=` takes a status httpd knows. `RewriteBase` only works in "
          + "`<Directory>` or `.htaccess`. Source: modules/mappers/mod_rewrite.c.");
  public static final RuleInfo HEADER = RuleInfo.of("apache.header", Severity.ERROR,
      "a Header or RequestHeader that mod_headers refuses",
      T + "The form is `Header [always|onsuccess] action name [value] [early|env=[!]VAR|\"expr=...\"]` with the "
          + "actions set, setifempty, add, append, merge, unset, echo, edit, edit* and note. In a value, `%` starts a "
          + "format tag (%D, %t, %{VAR}e, %{VAR}s...): write `%%` for a percent sign. Source: "
          + "modules/metadata/mod_headers.c.");
  public static final RuleInfo REQUIRE = RuleInfo.of("apache.require", Severity.ERROR,
      "a Require line or container that mod_authz_core refuses",
      T + "`Require` names a provider of a loaded module (all, ip, host, local, env, method, expr, valid-user, user, "
          + "group...; names are case-sensitive) and its arguments: `Require all granted|denied`, `Require ip` with "
          + "addresses or networks. A `Require not` only narrows something, so it must sit in `<RequireAll>`; "
          + "`<RequireNone>` likewise. Source: modules/aaa/mod_authz_core.c and mod_authz_host.c.");
  public static final RuleInfo REDIRECT = RuleInfo.of("apache.redirect", Severity.ERROR,
      "a Redirect or RedirectMatch that mod_alias refuses",
      T + "`Redirect [status] URL-path URL`: the status is permanent, temp, seeother, gone or a number; a 3xx status "
          + "needs a target that is a full URL or starts with `/`, any other status takes no target (`Redirect gone "
          + "/old`). Source: modules/mappers/mod_alias.c, add_redirect_internal.");
  public static final RuleInfo EXPRESSION = RuleInfo.of("apache.expression", Severity.ERROR,
      "an httpd expression that does not parse",
      T + "`<If>`, `<ElseIf>`, `Require expr`, `RewriteCond expr`, `Header ... \"expr=...\"` and others use httpd's "
          + "expression language: `%{VAR}` variables httpd knows, quoted strings, `==`, `!=`, `=~ /regex/`, `-ipmatch`, "
          + "`-R 'subnet'`, `&&`, `||`, `!`, functions such as `tolower()`. Unknown variables and functions are errors. "
          + "Source: server/util_expr_scan.l, util_expr_parse.y and util_expr_eval.c.");
  public static final RuleInfo INCLUDE = RuleInfo.of("apache.include", Severity.ERROR,
      "an Include httpd cannot complete: a loop, or (on a disk) a file or wildcard that matches nothing",
      T + "An `Include` that includes itself, directly or through other files, never ends. When `opsbook lint` reads "
          + "the files from disk, an `Include` of a file that does not exist, or whose wildcard matches nothing, is "
          + "the error httpd stops at; `IncludeOptional` includes nothing instead. In a build the article shows only "
          + "some files, so a missing one is `apache.include-unchecked`. Source: server/config.c, "
          + "ap_process_fnmatch_configs.");
  public static final RuleInfo UNDEFINED_VARIABLE = RuleInfo.of("apache.undefined-variable", Severity.WARNING,
      "a ${VAR} that no Define and no environment variable sets",
      "httpd replaces `${NAME}` with the value of `Define NAME value` or of the environment variable NAME (Debian's "
          + "/etc/apache2/envvars sets APACHE_LOG_DIR, APACHE_RUN_USER and a few more). An unknown name is left as "
          + "written, so the directive sees the literal text `${NAME}`, and httpd only logs a warning at startup.");
  public static final RuleInfo INCLUDE_UNCHECKED = RuleInfo.of("apache.include-unchecked", Severity.INFO,
      "an included file opsbook cannot see, so it is not checked",
      "In a build, `Include` and `IncludeOptional` find the article's other snippets by their `file=` path (relative "
          + "paths are relative to /etc/apache2); `opsbook lint` reads files from disk. A file that is not there is "
          + "not checked: what it would add is unknown. On a server, `Include` of a missing file is an error and "
          + "`IncludeOptional` is not. On a disk, opsbook reads at most 1,024 files of one pattern or folder, and "
          + "says so when one reaches that many.");
  public static final RuleInfo STARTUP_WARNING = RuleInfo.of("apache.startup-warning", Severity.WARNING,
      "httpd accepts the line but warns about it at startup",
      "httpd logs these at startup and carries on: an option it ignores (`[NC]` on a `-f` test, `RewriteOptions "
          + "MaxRedirects`), an `AllowOverride` where it has no effect. The configuration does less than it says.");

  public static final RuleInfo ACCESS_COMPAT = RuleInfo.of("apache.access-compat", Severity.WARNING,
      "Apache 2.2 access control (Order, Allow, Deny, Satisfy)",
      "httpd 2.4 controls access with mod_authz_core's `Require`; the 2.2 directives only work through "
          + "mod_access_compat, which Debian enables today but which is deprecated and interacts badly with `Require` "
          + "(both are evaluated, and `Satisfy` decides how). Replace `Order allow,deny` + `Allow from all` with "
          + "`Require all granted`, `Deny from all` with `Require all denied`, `Allow from 192.0.2.0/24` with "
          + "`Require ip 192.0.2.0/24`, `Allow from example.org` with `Require host example.org`, and `Satisfy any` with "
          + "a `<RequireAny>`. Without mod_access_compat the old lines are unknown directives and httpd does not start.");
  public static final RuleInfo REWRITE_FLAGS_AS_TARGET = RuleInfo.of("apache.rewrite-flags-as-target", Severity.WARNING,
      "a RewriteRule whose substitution is a flags field: the target was lost",
      "`RewriteRule ^ [R=301,L]` has only two arguments, so mod_rewrite takes `[R=301,L]` as the substitution, not as "
          + "flags: every matching URL is rewritten to the literal path `/[R=301,L]` (a 404, or a loop) and no redirect "
          + "is sent. httpd accepts it without a word. Put the target back: `RewriteRule ^ https://www.example.org%{REQUEST_URI} "
          + "[R=301,L]`, or `-` if the rule only sets flags.");
  public static final RuleInfo HSTS_PLAIN_HTTP = RuleInfo.of("apache.hsts-plain-http", Severity.WARNING,
      "Strict-Transport-Security sent on a plain-HTTP virtual host",
      "Browsers ignore Strict-Transport-Security received over plain HTTP (RFC 6797, section 8.1), so the header "
          + "protects nobody there, and it signals that the HTTPS setup lives elsewhere. Send it from the `SSLEngine on` "
          + "virtual host, with `Header always set` so error responses carry it too, and redirect port 80 to HTTPS.");
  public static final RuleInfo REWRITE_ENGINE_OFF = RuleInfo.of("apache.rewrite-engine-off", Severity.WARNING,
      "rewrite rules in a scope where RewriteEngine is not on",
      "mod_rewrite does nothing in a server, virtual host or directory whose `RewriteEngine` is not `On`, and a virtual "
          + "host does not inherit the main server's setting or rules (unless `RewriteOptions Inherit`). The rules "
          + "are read and silently ignored. Add `RewriteEngine On` in the same scope as the rules.")
      .needingWholeFile();
  public static final RuleInfo PROXYPASS_NO_REVERSE = RuleInfo.of("apache.proxypass-no-reverse", Severity.WARNING,
      "ProxyPass without a matching ProxyPassReverse",
      "When the backend answers with a redirect or a `Location`/`Content-Location`/`URI` header naming itself "
          + "(`http://127.0.0.1:8080/login`), httpd passes it on unchanged unless a `ProxyPassReverse` for the same "
          + "path and URL rewrites it to the public name, and clients follow a link to an address they cannot reach. "
          + "Add `ProxyPassReverse /path http://backend/path` beside each `ProxyPass`.")
      .needingWholeFile();
  public static final RuleInfo SSL_OLD_PROTOCOL = RuleInfo.of("apache.ssl-old-protocol", Severity.WARNING,
      "SSLProtocol allows TLS 1.0 or TLS 1.1",
      "TLS 1.0 and 1.1 are deprecated (RFC 8996) and browsers refuse them. `SSLProtocol all` on httpd 2.4 enables them "
          + "unless they are removed, and Debian's OpenSSL only blocks them through its security level. Write "
          + "`SSLProtocol -all +TLSv1.2 +TLSv1.3` (SSLv3 is not even accepted by Debian's OpenSSL 3).");

  private ApacheRules() {}

  /** The reading rules, in the order of {@link Problem.Kind}. */
  public static RuleInfo forKind(Problem.Kind kind) {
    return switch (kind) {
      case SECTION -> SECTION;
      case UNKNOWN_DIRECTIVE -> UNKNOWN_DIRECTIVE;
      case CONTEXT -> CONTEXT;
      case ARGUMENTS -> ARGUMENTS;
      case REWRITE -> REWRITE;
      case HEADER -> HEADER;
      case REQUIRE -> REQUIRE;
      case REDIRECT -> REDIRECT;
      case EXPRESSION -> EXPRESSION;
      case INCLUDE -> INCLUDE;
      case UNDEFINED_VARIABLE -> UNDEFINED_VARIABLE;
      case INCLUDE_UNCHECKED -> INCLUDE_UNCHECKED;
      case STARTUP_WARNING -> STARTUP_WARNING;
    };
  }

  public static final List<RuleInfo> READING = List.of(SECTION, UNKNOWN_DIRECTIVE, CONTEXT, ARGUMENTS, REWRITE, HEADER, REQUIRE,
      REDIRECT, EXPRESSION, INCLUDE, UNDEFINED_VARIABLE, INCLUDE_UNCHECKED, STARTUP_WARNING);
}
