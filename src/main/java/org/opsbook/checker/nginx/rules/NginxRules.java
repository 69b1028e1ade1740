package org.opsbook.checker.nginx.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** Every rule the nginx checker reports, with its explanation. Immutable constants. */
public final class NginxRules {
  private NginxRules() {}

  private static final String T = "\n\nSource: nginx 1.22.1, ";

  // ---- what nginx -t refuses ----

  public static final RuleInfo SYNTAX = RuleInfo.of("nginx.syntax", Severity.ERROR,
      "nginx cannot read the text: a missing ;, an unbalanced brace or quote",
      "nginx reads its configuration word by word: a directive ends at `;`, a block opens with `{` and closes "
          + "with `}`, and a quoted word must be followed by white space, `;` or `{`. A missing `;` glues two "
          + "directives together, an extra `}` ends a block too early, and the end of the file inside a block is "
          + "refused. nginx stops at the first such error and names the line where it noticed it, which for a "
          + "missing `;` is often the line after the mistake. Add the `;` or brace the message asks for." + T
          + "src/core/ngx_conf_file.c (ngx_conf_read_token, ngx_conf_parse).");

  public static final RuleInfo UNKNOWN_DIRECTIVE = RuleInfo.of("nginx.unknown-directive", Severity.ERROR,
      "a directive nginx 1.22 as Debian 12 builds it does not know",
      "nginx refuses to start on a directive no loaded module provides: `unknown directive \"...\"`. The name "
          + "may be misspelt, belong to a later nginx release (`http2 on;` arrived in 1.25.1; 1.22 writes "
          + "`listen 443 ssl http2;`), to a module Debian ships in a separate package that the `nginx` package does "
          + "not install (stream, mail, geoip, image_filter, perl, xslt), or to a third-party or commercial module. "
          + "The message says which. Fix the name, or install and load the module and say so in the article." + T
          + "the ngx_command_t tables of each module; Debian 12's `nginx -V`.");

  public static final RuleInfo NOT_ALLOWED_HERE = RuleInfo.of("nginx.not-allowed-here", Severity.ERROR,
      "a directive in a block where nginx does not accept it",
      "Every directive is valid in certain blocks only: `listen` in `server`, `proxy_pass` in `location` (and "
          + "`if` or `limit_except` inside one), `server` in `http` or `upstream`. Elsewhere nginx refuses it with "
          + "`\"...\" directive is not allowed here`. Move it into the right block; the nginx documentation lists "
          + "each directive's context." + T + "src/core/ngx_conf_file.c (ngx_conf_handler).");

  public static final RuleInfo ARGUMENTS = RuleInfo.of("nginx.arguments", Severity.ERROR,
      "a directive with the wrong number of arguments, or a block where a ; belongs",
      "Each directive takes a fixed number of arguments (`root` one, `add_header` two or three, `return` one or "
          + "two). With more or fewer, nginx refuses the file with `invalid number of arguments in \"...\" "
          + "directive`. The usual cause is a value with spaces that needs quotes (`add_header X-Note \"two words\";`) "
          + "or a forgotten `;` that joins two lines. A block directive written with `;`, or a simple one with `{`, "
          + "is refused too." + T + "src/core/ngx_conf_file.c (ngx_conf_handler).");

  public static final RuleInfo INVALID_VALUE = RuleInfo.of("nginx.invalid-value", Severity.ERROR,
      "an argument nginx cannot read: a flag, size, time, number, keyword, URL or status",
      "nginx checks most values while reading the file: `on`/`off` flags, sizes (`10m`), times (`30s`, `1h`), "
          + "numbers, keywords from a fixed list (`ssl_protocols TLSv1.2`), `return` codes, `rewrite` flags, "
          + "`if` conditions, `error_page` codes, proxy URLs. A value it cannot read stops it with the message "
          + "quoted here. Write the value in the form the directive's documentation gives." + T
          + "src/core/ngx_conf_file.c (the ngx_conf_set_*_slot setters), src/core/ngx_parse.c, and each module's "
          + "own handler.");

  public static final RuleInfo DUPLICATE = RuleInfo.of("nginx.duplicate", Severity.ERROR,
      "a directive given twice in one block where nginx takes it once",
      "Directives that hold one value (`root`, `proxy_pass`, `try_files`, `client_max_body_size`, any `on`/`off` "
          + "flag) may appear only once per block: the second is refused with `\"...\" directive is duplicate`, "
          + "and `root` and `alias` exclude each other. So do `resolver`, `charset`, `real_ip_header`, the "
          + "`*_bind`, `*_cache`, `*_cache_key`, `*_store` and `*_ssl_name` families and others whose handler "
          + "refuses a second line. `limit_req` and `limit_conn` may repeat with different zones, not the same one; "
          + "`proxy_redirect` and the `proxy_cookie_*` directives may repeat, but `off` must stand alone. Keep the "
          + "one you mean. (Directives that collect values, such as `add_header` or `proxy_set_header`, may repeat.)"
          + T + "src/core/ngx_conf_file.c and each module's handler, checked with nginx -t.");

  public static final RuleInfo LISTEN = RuleInfo.of("nginx.listen", Severity.ERROR,
      "a listen directive nginx refuses, or two that conflict",
      "`listen` takes an address and port (`80`, `127.0.0.1:8080`, `[::]:443`, `unix:/run/app.sock`) and then "
          + "parameters from a fixed list (`ssl`, `http2`, `default_server`, `proxy_protocol`, `backlog=`, "
          + "`reuseport`, ...). nginx refuses an unknown parameter, a port outside 1-65535, two `default_server`s "
          + "for one address and port, socket options (`backlog=`, `reuseport`, `bind`, ...) given twice for the "
          + "same address, and the same address twice in one server." + T
          + "src/http/ngx_http_core_module.c (ngx_http_core_listen), src/http/ngx_http.c (ngx_http_add_listen).");

  public static final RuleInfo LOCATION = RuleInfo.of("nginx.location", Severity.ERROR,
      "a location nginx refuses: a bad modifier, a duplicate, or impossible nesting",
      "A location is `location [=|~|~*|^~] URI { }` or `location @name { }`. nginx refuses other modifiers, two "
          + "locations with the same exact or prefix URI in one block (`duplicate location`), a location nested in "
          + "an exact or named one, a named location below server level, and a nested prefix location that does not "
          + "start with its parent's prefix (`location \"/b\" is outside location \"/a\"`)." + T
          + "src/http/ngx_http_core_module.c (ngx_http_core_location), src/http/ngx_http.c.");

  public static final RuleInfo UNKNOWN_VARIABLE = RuleInfo.of("nginx.unknown-variable", Severity.ERROR,
      "a $variable that nothing defines",
      "Variables come from nginx's modules (`$host`, `$uri`, `$remote_addr`, `$http_NAME`, `$arg_NAME`, "
          + "`$cookie_NAME`, ...) or from `set`, `map`, `geo`, `split_clients`, `auth_request_set` and named "
          + "captures of regular expressions. Any other name stops nginx at start with `unknown \"name\" variable` "
          + "(the message names no line: opsbook points at the use). A misspelt name is the usual cause; variables "
          + "of a module Debian does not install (`$geoip_country_code`) are unknown too." + T
          + "src/http/ngx_http_variables.c (ngx_http_variables_init_vars).");

  public static final RuleInfo PROXY_PASS_URI = RuleInfo.of("nginx.proxy-pass-uri", Severity.ERROR,
      "proxy_pass with a URI part where nginx cannot replace the matched part",
      "With a URI part (`proxy_pass http://app/api/;`), nginx replaces the part of the request URI that the "
          + "location matched with that URI. In a regex location, a named location, inside `if` or inside "
          + "`limit_except` there is no matched prefix to replace, so nginx refuses the file. Drop the URI part "
          + "(`proxy_pass http://app;`), or build the URI with captures and variables (`proxy_pass "
          + "http://app/v2/$1;`), which nginx accepts." + T
          + "src/http/modules/ngx_http_proxy_module.c (ngx_http_proxy_pass).");

  public static final RuleInfo REGEX = RuleInfo.of("nginx.regex", Severity.ERROR,
      "a regular expression PCRE cannot compile",
      "Regex locations, `rewrite`, `if (... ~ ...)`, `server_name ~...` and `map` keys starting with `~` are "
          + "compiled by PCRE2 when nginx starts; an unbalanced parenthesis or bracket, or a quantifier with nothing "
          + "to repeat, stops it. A regex containing `{` or `;` must be quoted, or nginx reads those characters "
          + "itself." + T + "src/core/ngx_regex.c.");

  public static final RuleInfo MISSING_CERTIFICATE = RuleInfo.of("nginx.missing-certificate", Severity.ERROR,
      "listen ... ssl in a server with no ssl_certificate, or a certificate without its key",
      "A server that listens with `ssl` needs `ssl_certificate` and `ssl_certificate_key` (in the server or "
          + "inherited from `http`); otherwise nginx refuses to start: `no \"ssl_certificate\" is defined for the "
          + "\"listen ... ssl\" directive`. Every `ssl_certificate` needs its `ssl_certificate_key`, even in a server "
          + "that does not listen with `ssl`: `no \"ssl_certificate_key\" is defined for certificate ...`. A server "
          + "takes the list of certificates, and the list of keys, from `http` only when it has none of its own."
          + T + "src/http/modules/ngx_http_ssl_module.c (ngx_http_ssl_init, ngx_http_ssl_merge_srv_conf).")
      .needingWholeFile();

  public static final RuleInfo MISSING_EVENTS = RuleInfo.of("nginx.missing-events", Severity.ERROR,
      "a whole nginx.conf without an events block",
      "The main configuration file must contain `events { }`, even an empty one; nginx refuses to start "
          + "without it: `no \"events\" section in configuration`." + T + "src/event/ngx_event.c.")
      .needingWholeFile();

  public static final RuleInfo CONFLICTING_SERVER_NAME = RuleInfo.of("nginx.conflicting-server-name",
      Severity.WARNING, "two servers on one address with the same server_name",
      "nginx picks a server by the request's Host among the servers that listen on its address and port. When "
          + "several do, their names go into one table in the order of the servers, and a name already there is "
          + "ignored: `nginx -t` warns `conflicting server name \"...\" on 0.0.0.0:80, ignored`, and the requests "
          + "for it go to the earlier server. Names are compared in lower case; `.example.org` also stands for "
          + "`example.org` and `*.example.org`; a server without `server_name` has the name \"\" (two such "
          + "servers on port 80 conflict); a server without `listen` is on port 80. Regular-expression names are "
          + "never compared. Remove the name from one of them, or merge the servers."
          + T + "src/http/ngx_http.c (ngx_http_optimize_servers, ngx_http_server_names), checked with nginx -t.");

  public static final RuleInfo INCLUDE = RuleInfo.of("nginx.include", Severity.WARNING,
      "an include whose file is not among the article's files",
      "`include` pulls another file in where it stands, and `nginx -t` fails when a named file (not a pattern) "
          + "does not exist. In an article, give the included file as a snippet with `file=` set to its path "
          + "(relative paths are read against /etc/nginx) so that opsbook checks it in place; for `opsbook lint` "
          + "the file is read from disk. Debian's own files (mime.types, fastcgi_params, proxy_params, "
          + "snippets/fastcgi-php.conf, ...) are known. On a disk, opsbook reads at most 1,024 files of one pattern "
          + "and reports a pattern that matches that many, as the files after them are not checked."
          + T + "src/core/ngx_conf_file.c (ngx_conf_include).");

  public static final RuleInfo DEPRECATED = RuleInfo.of("nginx.deprecated", Severity.WARNING,
      "a directive nginx warns is deprecated or obsolete",
      "nginx still reads these but warns at every start, and a later release removes them: `ssl on;` (use "
          + "`listen ... ssl`), the `http2_*` settings made obsolete in 1.19.7. Replace them as the message says."
          + T + "src/core/ngx_conf_file.c (ngx_conf_deprecated).");

  // ---- lint rules ----

  public static final RuleInfo ADD_HEADER_INHERITANCE = RuleInfo.of("nginx.add-header-inheritance", Severity.WARNING,
      "add_header in a block drops every add_header of the enclosing blocks",
      "nginx inherits `add_header` from the enclosing level only when a block has no `add_header` of its own. "
          + "One `add_header` in a location therefore silently removes all server- and http-level headers "
          + "(Strict-Transport-Security, Content-Security-Policy, X-Content-Type-Options, ...) from every response "
          + "that location serves. Repeat the parent's headers in the block, move the new header to the parent, "
          + "or keep the shared headers in a file that every level includes." + T
          + "src/http/modules/ngx_http_headers_filter_module.c (merge: headers are taken from the parent only when "
          + "the block sets none); gixy's add_header_redefinition check.");

  public static final RuleInfo ALIAS_TRAVERSAL = RuleInfo.of("nginx.alias-traversal", Severity.WARNING,
      "a prefix location without a trailing / whose alias ends with /: a path traversal",
      "With `location /files { alias /data/files/; }`, a request for `/files../secret` matches the prefix and "
          + "maps to `/data/files/../secret`: one level above the folder meant to be served. Give the location the "
          + "same trailing slash as the alias (`location /files/`), or drop it from both." + T
          + "the alias mapping of src/http/ngx_http_core_module.c (ngx_http_map_uri_to_path); gixy's "
          + "alias_traversal check.");

  public static final RuleInfo HEADER_WITHOUT_ALWAYS = RuleInfo.of("nginx.header-without-always", Severity.WARNING,
      "a security header added without always, so error responses lack it",
      "Without the `always` parameter, `add_header` acts only on responses with status 200, 201, 204, 206, 301, "
          + "302, 303, 304, 307 and 308. A 404, 403 or 503 page then goes out without Strict-Transport-Security, "
          + "Content-Security-Policy or X-Frame-Options, so the protection has holes exactly where errors are "
          + "served. Add `always`." + T
          + "src/http/modules/ngx_http_headers_filter_module.c (ngx_http_headers_filter).");

  public static final RuleInfo PROXY_HOST = RuleInfo.of("nginx.proxy-pass-host", Severity.INFO,
      "proxy_pass to a named upstream without proxy_set_header Host",
      "By default nginx sends the upstream the host name written in `proxy_pass` (`Host: app_backend` for "
          + "`proxy_pass http://app_backend;`), not the name the client asked for. Applications that build links, "
          + "redirects or cookies from the Host header then use the wrong name. Set `proxy_set_header Host $host;` "
          + "(Debian's proxy_params does) unless the upstream really wants its own name." + T
          + "src/http/modules/ngx_http_proxy_module.c (proxy_set_header default Host $proxy_host).");

  public static final RuleInfo IF_IN_LOCATION = RuleInfo.of("nginx.if-in-location", Severity.WARNING,
      "if in a location with directives other than return and rewrite",
      "An `if` inside a location creates a nested location with its own configuration: directives outside the "
          + "`if` are not applied when its condition holds, `try_files` and `add_header` of the location stop "
          + "working, and some combinations crash old versions (\"if is evil\"). Inside a location, only `return` "
          + "and `rewrite ... last` are safe in an `if`; do the rest with `map`, `try_files` or separate locations."
          + T + "src/http/modules/ngx_http_rewrite_module.c (ngx_http_rewrite_if); the nginx wiki's IfIsEvil page.");

  public static final RuleInfo WEAK_TLS = RuleInfo.of("nginx.weak-tls", Severity.WARNING,
      "ssl_protocols enables TLSv1, TLSv1.1 or SSL",
      "TLS 1.0 and 1.1 were deprecated by RFC 8996 (2021) and current browsers no longer offer them, so "
          + "listing them serves only old, unpatched clients and invites downgrade attempts and audit findings. "
          + "SSLv2 and SSLv3 are broken. Use `ssl_protocols TLSv1.2 TLSv1.3;`." + T
          + "ngx_http_ssl_module; RFC 8996; Mozilla's server-side TLS guidelines.");

  public static final RuleInfo SERVER_TOKENS = RuleInfo.of("nginx.server-tokens", Severity.INFO,
      "server_tokens on announces the exact nginx version",
      "With `server_tokens on` (the default), nginx puts its version in the Server header and on its own error "
          + "pages, which tells scanners which advisories apply. `server_tokens off;` in `http` hides it." + T
          + "src/http/ngx_http_header_filter_module.c, src/http/ngx_http_special_response.c.");

  public static final RuleInfo ROOT_IN_LOCATION = RuleInfo.of("nginx.root-in-location", Severity.INFO,
      "every location sets the same root, which the server should carry",
      "A `root` repeated in each location leaves requests that match no location (and `error_page` targets) with "
          + "nginx's compiled-in default root, /usr/share/nginx/html, and makes the next location added easy to get "
          + "wrong. Set `root` once in the server; locations inherit it." + T
          + "the nginx \"Pitfalls and Common Mistakes\" page (Root inside Location Block).");

  public static final List<RuleInfo> PARSER = List.of(SYNTAX, UNKNOWN_DIRECTIVE, NOT_ALLOWED_HERE, ARGUMENTS,
      INVALID_VALUE, DUPLICATE, LISTEN, LOCATION, UNKNOWN_VARIABLE, PROXY_PASS_URI, REGEX, MISSING_CERTIFICATE,
      MISSING_EVENTS, INCLUDE, DEPRECATED, CONFLICTING_SERVER_NAME);
}
