package org.opsbook.checker.haproxy.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** Every rule the HAProxy checker reports, with its explanation. Immutable constants. */
public final class HaproxyRules {
  private HaproxyRules() {}

  private static final String T = "\n\nSource: HAProxy 2.6 configuration manual (Debian 12's haproxy 2.6.12), ";

  // ---- what haproxy -c refuses ----

  public static final RuleInfo SYNTAX = RuleInfo.of("haproxy.syntax", Severity.ERROR,
      "HAProxy cannot read the line: a quote, escape, variable or conditional block it refuses",
      "HAProxy splits each line into words itself: blanks separate words unless quoted or escaped, `#` starts a "
          + "comment outside quotes, single quotes protect everything, double quotes still expand environment "
          + "variables (`\"${NAME}\"`), and a backslash escapes a blank, `#`, a quote or itself and writes `\\t`, "
          + "`\\n`, `\\r` and `\\xNN`. An unmatched quote or brace, a `$` inside double quotes that does not start a "
          + "variable name (write `\\$`), a bad `\\x` sequence, more than 64 words, or a keyword before any section "
          + "stop HAProxy with the message quoted here. `.if`/`.elif`/`.else`/`.endif` blocks must pair up and their "
          + "conditions parse; `.alert` always fails. The file must end with a line feed." + T
          + "sections 2.1 to 2.4; cfgparse.c (readcfgfile), tools.c (parse_line), cfgcond.c.");

  public static final RuleInfo UNKNOWN_KEYWORD = RuleInfo.of("haproxy.unknown-keyword", Severity.ERROR,
      "a keyword, option, bind or server setting, or rule action HAProxy 2.6 does not know",
      "Each section takes a fixed set of keywords, and `option`, `timeout`, `stats`, `bind`, `server` and the "
          + "`http-request`/`http-response`/`tcp-request` actions each take their own fixed set of words. An unknown "
          + "word stops HAProxy (`unknown keyword 'x' in 'frontend' section`, `unknown option 'x'`, `'bind :80' "
          + "unknown keyword 'x'`, `'http-request' expects ... but got 'x'`). The word may be misspelt, belong to a "
          + "later HAProxy (2.8's `http-request set-timeout client`, 3.0's `quic` binds), or to a build option Debian "
          + "does not enable (zlib, QUIC). Fix the spelling or write what 2.6 offers; the hint names a close "
          + "keyword when there is one." + T + "sections 3 and 4.1; `haproxy -dKall` of the Debian build.");

  public static final RuleInfo REMOVED = RuleInfo.of("haproxy.removed", Severity.ERROR,
      "a keyword HAProxy removed in 2.x, with what replaced it",
      "Configurations copied from HOWTOs for HAProxy 1.x use keywords 2.x refuses outright: `reqadd`, `reqrep`, "
          + "`reqdel`, `rspadd`, `rsprep`, `rspdel` and the other `req*`/`rsp*` regex rules and `block` (removed in "
          + "2.1: use `http-request`/`http-response` rules), `redispatch` and `contimeout`/`clitimeout`/`srvtimeout` "
          + "(2.1: `option redispatch`, `timeout connect|client|server`), `option forceclose` (2.0), `option "
          + "http-tunnel` (2.1), `option http_proxy` and `nbproc` (2.5), `monitor-net`, `appsession` and `grace`. "
          + "The message gives HAProxy's own advice on the replacement." + T
          + "the 2.0, 2.1 and 2.5 release notes; cfgparse-listen.c.");

  public static final RuleInfo NOT_ALLOWED_HERE = RuleInfo.of("haproxy.not-allowed-here", Severity.ERROR,
      "a keyword in a section where HAProxy refuses it",
      "The keyword matrix of section 4.1 says which keywords each kind of section accepts. Some misplacements are "
          + "errors: `bind`, `server`, `use_backend`, `redirect` and `stick` in a `defaults` section, `acl`, "
          + "`http-request`, `http-response` and `tcp-request` in an anonymous `defaults` section (2.6 allows them "
          + "only in named ones), `server` or `retry-on` in a `frontend`, `tcp-request connection` in a `backend`. "
          + "Move the line to a section that takes it." + T + "section 4.1 (proxy keywords matrix).");

  public static final RuleInfo INVALID_VALUE = RuleInfo.of("haproxy.invalid-value", Severity.ERROR,
      "a keyword with missing arguments or a value HAProxy cannot read",
      "HAProxy checks the arguments of most keywords while it reads the file: `mode tcp|http`, the `balance` "
          + "algorithms, times (`5s`, `30m`; the default unit is milliseconds, and a fraction like `1.5s` is refused), "
          + "integers, status codes (`errorfile`, `deny_status`, `http-request return status`, redirect codes 301, "
          + "302, 303, 307, 308), addresses and ports of `bind` and `server`, section names. A missing or bad "
          + "argument stops it with the message quoted here." + T + "sections 2.5 and 4.2.");

  public static final RuleInfo ACL = RuleInfo.of("haproxy.acl", Severity.ERROR,
      "an ACL, condition, sample expression or log-format string HAProxy cannot parse",
      "`acl NAME FETCH[,CONVERTER...] [-i] [-f FILE] [-m METHOD] [--] PATTERN...` needs a fetch HAProxy knows, "
          + "converters it knows, a known match method (found, bool, int, ip, bin, len, str, beg, sub, dir, dom, end, "
          + "reg) and patterns of the right kind (numbers, addresses, regular expressions PCRE2 compiles). A "
          + "condition (`if`/`unless`) may only name ACLs declared earlier in the same section or predefined ones "
          + "(`TRUE`, `METH_GET`, ...): `no such ACL`. `%[...]` expressions in log-format strings (`set-header`, "
          + "`use_backend %[...]`) follow the same rules, and a fetch must be usable where it stands (a response "
          + "header cannot be read in `http-request`)." + T + "section 7; acl.c, sample.c, log.c.");

  public static final RuleInfo REFERENCE = RuleInfo.of("haproxy.reference", Severity.ERROR,
      "a name used twice, a defaults section named before it exists, or an HTTP frontend using a TCP backend",
      "HAProxy refuses two proxies with one name on the same side (two frontends, or a backend and a listen), two "
          + "servers with one name in a backend, `defaults`/`frontend ... from NAME` when no `defaults NAME` comes "
          + "before it, and an HTTP frontend whose `use_backend` or `default_backend` names a `mode tcp` backend "
          + "(`tries to use incompatible tcp backend`). Rename one of the twins, move the `defaults` up, or give both "
          + "sides the same mode." + T + "cfgparse.c (check_config_validity), proxy.c.");

  public static final RuleInfo UNDEFINED = RuleInfo.of("haproxy.undefined", Severity.ERROR,
      "a backend, table, server or section that the configuration names and does not define",
      "After reading the whole file, HAProxy resolves names: `default_backend` and `use_backend` must name a "
          + "`backend` or `listen` (`unable to find required default_backend`), `track-sc`, `stick` and `table_*` "
          + "need a `stick-table`, `use-server` needs the server, and `errorfiles`, `cache`, `auth realm` users and "
          + "`resolvers` need their sections. Some of these messages carry no line number in HAProxy's output; "
          + "opsbook places them at the line that names the missing thing. A snippet marked `fragment` is part of a "
          + "larger file, so this rule is off for it: what it names may be defined in the part not shown." + T
          + "cfgparse.c (check_config_validity).").needingWholeFile();

  public static final RuleInfo FILE = RuleInfo.of("haproxy.file", Severity.ERROR,
      "an errorfile or return file HAProxy refuses: not a raw HTTP response, or too big for the buffer",
      "An `errorfile` holds a whole raw HTTP response, status line and headers included, not bare HTML: HAProxy "
          + "parses it when it starts and refuses a file without a status line, with a malformed header, a "
          + "`Content-Length` that does not match, or that does not fit its buffer (`tune.bufsize`, 16384 bytes by "
          + "default, less its own bookkeeping: a 16,300-byte errorfile already fails). `http-request return ... "
          + "file` sends the file as the body and HAProxy builds the headers; a body larger than the buffer is "
          + "refused, and one that leaves less than `tune.maxrewrite` (1024 bytes) free is a warning "
          + "(`haproxy.warning`). Raise `tune.bufsize` in `global` or make the page smaller." + T
          + "`errorfile`, `http-request return` and `tune.bufsize`; http_htx.c.");

  public static final RuleInfo SSL = RuleInfo.of("haproxy.ssl", Severity.ERROR,
      "TLS settings haproxy -c refuses: a bind with ssl and no certificate, a server checked against no CA",
      "`bind ... ssl` needs `crt` (or `crt-list`): `no SSL certificate specified for bind`. `server ... ssl` "
          + "verifies the server's certificate by default (`ssl-server-verify required`), so it needs `ca-file` or "
          + "an explicit `verify none` when the network is trusted. The certificate files themselves must exist "
          + "when HAProxy starts." + T + "`crt`, `verify` and `ssl-server-verify`.");

  // ---- what haproxy -c warns about ----

  public static final RuleInfo IGNORED = RuleInfo.of("haproxy.ignored", Severity.WARNING,
      "a keyword HAProxy ignores where it stands",
      "A frontend has no servers and a backend no listeners, so HAProxy ignores backend keywords in a frontend "
          + "(`balance`, `option redispatch`, `timeout server`, `retries`) and frontend keywords in a backend "
          + "(`bind`, `maxconn`, `use_backend`, `timeout client`, `option httplog`), with a warning such as `'bind' "
          + "ignored because backend 'app' has no frontend capability`. HTTP rules in a `mode tcp` proxy are ignored "
          + "the same way. The line has no effect: move it to a section that uses it (a `listen` section has both "
          + "sides)." + T + "section 4.1; cfgparse-listen.c.");

  public static final RuleInfo MISSING_TIMEOUT = RuleInfo.of("haproxy.missing-timeout", Severity.WARNING,
      "a proxy without the client, connect or server timeout",
      "HAProxy warns `missing timeouts for frontend 'x'` when `timeout client` (frontends), or `timeout connect` "
          + "and `timeout server` (backends) are not set, in the section or the `defaults` it uses: without them a "
          + "stalled client or server holds a connection forever, and the connection slots run out. Set them in "
          + "`defaults` (`timeout connect 5s`, `timeout client 30s`, `timeout server 30s`). A snippet without a "
          + "`defaults` section of its own is read after opsbook's wrapper, which sets them (see the README)." + T
          + "the `timeout` keywords; cfgparse.c.").needingWholeFile();

  public static final RuleInfo NO_BIND = RuleInfo.of("haproxy.no-bind", Severity.WARNING,
      "a frontend without a bind line",
      "A frontend receives connections only on the addresses its `bind` lines give. Without one HAProxy warns "
          + "`frontend 'x' has no 'bind' directive. Please declare it as a backend if this was intended.`, and a "
          + "file with no listener at all does not start (`haproxy -c` exits with 2). Add `bind`, or make the "
          + "section a `backend`." + T + "`bind`.").needingWholeFile();

  public static final RuleInfo RULE_ORDER = RuleInfo.of("haproxy.rule-order", Severity.WARNING,
      "a rule written after rules that HAProxy runs later",
      "HAProxy runs a frontend's rules in a fixed order whatever their order in the file: `tcp-request` rules, then "
          + "`http-request` rules, then `redirect` rules, then `use_backend`. An `http-request` rule written after a "
          + "`use_backend` or `redirect` line still runs before it, so the file reads in a different order than it "
          + "works; HAProxy warns `a 'http-request' rule placed after a 'use_backend' rule will still be processed "
          + "before`. Move the line up so the file reads in the order HAProxy runs it." + T
          + "`http-request`; cfgparse-listen.c (warnif_misplaced_*).");

  public static final RuleInfo DEPRECATED = RuleInfo.of("haproxy.deprecated", Severity.WARNING,
      "a keyword HAProxy 2.6 warns is deprecated",
      "Some keywords still work in 2.6 but warn and are due to go: `bind-process` and `process` have no effect "
          + "since threads replaced processes, `option httpchk` with headers glued to its version string should "
          + "become `http-check send`, `tune.ssl.capture-cipherlist-size` is now `tune.ssl.capture-buffer-size`. "
          + "Write the replacement the message names." + T + "the deprecations listed in 2.5 and 2.6.");

  public static final RuleInfo NEVER_MATCHES = RuleInfo.of("haproxy.never-matches", Severity.WARNING,
      "an ACL HAProxy says will never match",
      "An ACL without patterns (`acl api path_beg`) never matches, unless its fetch is boolean; write `-m found` "
          + "to test for presence. An ACL that only reads what is not available where it is used (a response header "
          + "in an `http-request` rule, the backend's name before a backend is chosen) never matches either, and "
          + "HAProxy warns `acl 'x' will never match because it only involves keywords that are incompatible with "
          + "'frontend http-request header rule'`." + T + "section 7.1; acl.c.");

  public static final RuleInfo WARNING = RuleInfo.of("haproxy.warning", Severity.WARNING,
      "another warning haproxy -c gives",
      "HAProxy warns about other things it accepts but will not use as written: a log format in a proxy with no "
          + "`log` line, `http-check` rules without `option httpchk`, a reply body that eats the buffer's rewrite "
          + "reserve, `.warning` lines. The message is HAProxy's own." + T + "cfgparse.c and http_htx.c.");

  public static final RuleInfo MISSING_FILE = RuleInfo.of("haproxy.missing-file", Severity.WARNING,
      "a file the configuration names is not among the article's files",
      "`errorfile`, `http-request return ... file`, `map()` converters, `acl ... -f` and `crt` name files that "
          + "HAProxy reads when it starts, and a missing one stops it (`error opening file`). In a build, opsbook "
          + "looks for them among the article's snippets with a matching `file=`; with `opsbook lint`, on disk. "
          + "When the file is not there, its contents cannot be checked (a raw HTTP response, its size against the "
          + "buffer, map entries) and the request model cannot use it. Add the file as a snippet with `file=PATH`, "
          + "or mark the snippet `fragment` if the article shows only part of the setup (the rule is off for fragments)." + T + "`errorfile`, `map`.").needingWholeFile();

  public static final RuleInfo FILE_UNREAD = RuleInfo.of("haproxy.file-unread", Severity.INFO,
      "a file the configuration names is on the disk, but opsbook could not read it",
      "With `opsbook lint`, the files a configuration names (`crt` certificates, `errorfile` pages, maps, ACL "
          + "pattern files) are read from the disk. HAProxy starts as root and reads them all; opsbook runs as "
          + "whoever starts it, and a private key kept readable by root alone is the common case. Such a file is "
          + "not missing, so the finding is not `haproxy.missing-file`, but what it holds is not checked: its size "
          + "against the buffer, its HTTP response, its map entries; a test or query that needs the file's "
          + "entries is not answered. Files larger than 4 MiB, devices and pipes are not read either. Run opsbook "
          + "as a user who may read the file." + T
          + "`crt`, `errorfile`, `map`.");

  // ---- lint ----

  public static final RuleInfo UNUSED_ACL = RuleInfo.of("haproxy.unused-acl", Severity.WARNING,
      "an ACL that no condition uses",
      "An ACL only matters where a condition names it. One that nothing uses is usually a leftover or the sign of a "
          + "misspelt name in the rule that was meant to use it (which HAProxy would refuse), or of a rule that was "
          + "never written: an `acl blocked src -f /etc/haproxy/blocklist` with no `http-request deny if blocked` "
          + "blocks nobody. Use it or remove it.").needingWholeFile();

  public static final RuleInfo HTTPCLOSE = RuleInfo.of("haproxy.httpclose", Severity.WARNING,
      "option httpclose copied from 1.4-era HOWTOs, or fighting another connection mode",
      "Before HAProxy 1.5, only the first request of a keep-alive connection was processed, so HOWTOs paired "
          + "`option forwardfor` with `option httpclose` to get `X-Forwarded-For` on every request. Since 1.5 "
          + "HAProxy processes every request, and `option httpclose` only closes every connection after one "
          + "exchange, which costs a TCP (and TLS) handshake per request. Combined with `option http-server-close` "
          + "or `option http-keep-alive` in the same section, the last one wins and the others mislead. Remove it "
          + "unless a broken client or server really needs it.");

  public static final RuleInfo WEAK_TLS = RuleInfo.of("haproxy.weak-tls", Severity.WARNING,
      "TLS settings that allow TLSv1.0, TLSv1.1 or SSLv3",
      "HAProxy 2.6 accepts TLSv1.2 and TLSv1.3 by default on `bind` lines. `ssl-min-ver TLSv1.0` or `TLSv1.1` (on "
          + "a bind, a server or in `ssl-default-bind-options`), `force-tlsv10`, `force-tlsv11` or `force-sslv3` "
          + "bring back protocols RFC 8996 deprecated and browsers no longer speak. Use `ssl-min-ver TLSv1.2`.");

  public static final RuleInfo UNREACHABLE_RULE = RuleInfo.of("haproxy.unreachable-rule", Severity.WARNING,
      "an http-request rule after one that ends processing for every request",
      "`http-request deny`, `return`, `redirect`, `tarpit`, `reject`, `silent-drop`, `auth` and `use-service` end "
          + "the request, and `allow` stops the section's `http-request` rules; without a condition they do so for "
          + "every request, so the `http-request` rules written after them in the same section never run. Add the "
          + "condition that was meant, or move the rule down.");

  public static final RuleInfo MODE_MISMATCH = RuleInfo.of("haproxy.mode-mismatch", Severity.WARNING,
      "a TCP frontend that sends traffic to an HTTP backend",
      "A `mode tcp` frontend may use a `mode http` backend: HAProxy then starts parsing HTTP in the backend, but the "
          + "frontend's HTTP rules and HTTP ACLs never saw a request, so rules written there for HTTP do nothing. "
          + "When both sides should speak HTTP, say `mode http` in the frontend (or in `defaults`). The opposite, an "
          + "HTTP frontend with a TCP backend, is an error (`haproxy.reference`).");

  public static final RuleInfo RETRY_AFTER = RuleInfo.of("haproxy.retry-after", Severity.WARNING,
      "a 503 reply without Retry-After",
      "A maintenance or overload page answered with 503 should say when to come back: RFC 9110 defines "
          + "`Retry-After` for exactly this, and search engines treat a 503 without it, repeated, like a page that "
          + "is gone. Add `hdr Retry-After 600` to `http-request return status 503` (or a `Retry-After:` line to a "
          + "503 errorfile). A `deny_status 503` can carry it too, with `hdr`.");

  /** What the reader and its checks report, in the order of the README table. */
  public static final List<RuleInfo> PARSER = List.of(SYNTAX, UNKNOWN_KEYWORD, REMOVED, NOT_ALLOWED_HERE,
      INVALID_VALUE, ACL, REFERENCE, UNDEFINED, FILE, SSL, IGNORED, MISSING_TIMEOUT, NO_BIND, RULE_ORDER, DEPRECATED,
      NEVER_MATCHES, WARNING, MISSING_FILE, FILE_UNREAD);
}
