package org.opsbook.checker.vcl.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** Every rule the VCL checker reports, with its explanation. An immutable catalogue. */
public final class VclRules {
  private VclRules() {}

  private static final String VCC = " Source: libvcc, the VCL compiler of Varnish 7.1, and vcl(7).";

  // --- What varnishd -C refuses (errors, worded as VCC words them) ---

  public static final RuleInfo SYNTAX = RuleInfo.of("vcl.syntax", Severity.ERROR,
      "VCC cannot read the text: an unexpected token, a missing ';' or '}', a bad number",
      "Varnish compiles VCL to C with its own compiler, VCC, when the VCL is loaded (`varnishd -C -f FILE` runs"
          + " the same compiler). VCC stops at its first error and the VCL is not loaded: the old one keeps"
          + " running, or varnishd does not start. The message quotes VCC. VCC reports a missing `;` at the token"
          + " after it, usually on the next line; opsbook does the same.\n\n"
          + "Fix the text at the position given." + VCC);
  public static final RuleInfo UNTERMINATED = RuleInfo.of("vcl.unterminated-string", Severity.ERROR,
      "A string, long string or comment that never ends",
      "A `\"...\"` string must end on the same line; `{\"...\"}` and `\"\"\"...\"\"\"` long strings may span"
          + " lines; `/* ... */` comments may not contain `/*`. VCL has no escape sequences: a `\\\"` does not"
          + " escape the quote. To put a double quote in a string, use a long string: `{\"say \"hi\"\"}`." + VCC);
  public static final RuleInfo VERSION = RuleInfo.of("vcl.version", Severity.ERROR,
      "The `vcl 4.0;` or `vcl 4.1;` line is missing, not first, or names a version Varnish 7.1 does not know",
      "Since Varnish 4.0 a VCL file must start with its version: `vcl 4.1;` (or `vcl 4.0;`). Files written"
          + " for Varnish 2 and 3 have no such line, so this error is usually the first sign of VCL 3: expect"
          + " the other changes of the upgrade too (`vcl_fetch`, `error`, `req.request`, ...).\n\n"
          + "A snippet that declares no backend and has no `vcl` line is checked as a pasted excerpt (see the"
          + " README) instead." + VCC);
  public static final RuleInfo VCL3 = RuleInfo.of("vcl.vcl3", Severity.ERROR,
      "A VCL 3 (or 2) construct that Varnish 4 and later refuse",
      "Many articles still show VCL written for Varnish 3. Varnish 4 renamed and reshaped much of it, and"
          + " Varnish 7 refuses the old forms. The message gives VCC's own error and says what replaced the"
          + " construct:\n\n"
          + "| VCL 3 | Varnish 4 and later |\n|---|---|\n"
          + "| `sub vcl_fetch` | `sub vcl_backend_response` (uses `bereq`/`beresp`, not `req`) |\n"
          + "| `sub vcl_error`, `obj.status`, `obj.response` | `sub vcl_synth` with `resp.status`, `resp.reason`;"
          + " `vcl_backend_error` with `beresp.*` for fetch errors |\n"
          + "| `error 503 \"Down\";` | `return (synth(503, \"Down\"));` |\n"
          + "| `req.request`, `bereq.request` | `req.method`, `bereq.method` |\n"
          + "| `req.backend` | `req.backend_hint` |\n"
          + "| `req.backend.healthy` | `std.healthy(req.backend_hint)` |\n"
          + "| `client.port`, `server.port` | `std.port(client.ip)`, `std.port(server.ip)` |\n"
          + "| `return (lookup)` in vcl_recv | `return (hash)` |\n"
          + "| `return (hash)` in vcl_hash | `return (lookup)` |\n"
          + "| `return (pass)` in vcl_pass | `return (fetch)` |\n"
          + "| `return (restart)` in vcl_fetch | `return (retry)` in vcl_backend_response |\n"
          + "| `return (hit_for_pass)` | `set beresp.uncacheable = true; return (deliver);` |\n"
          + "| `purge;`, `purge_url(...)`, `ban_url(...)` | `return (purge);` in vcl_recv, `ban(\"req.url ~ ...\")` |\n"
          + "| `remove req.http.X;` | `unset req.http.X;` |\n"
          + "| `synthetic \"...\";` | `synthetic(\"...\");` or `set resp.body = \"...\";` |\n"
          + "| `esi;` | `set beresp.do_esi = true;` |\n"
          + "| `director NAME round-robin { ... }` | `import directors;` and `new NAME = directors.round_robin();`"
          + " in vcl_init |\n"
          + "| `set beresp.cacheable = ...`, `obj.cacheable` | `beresp.uncacheable` |\n\n"
          + "X-Forwarded-For is also set by Varnish itself before vcl_recv since 4.0, so VCL 3's"
          + " `set req.http.X-Forwarded-For = ...` lines should go (see `vcl.x-forwarded-for`)." + VCC);
  public static final RuleInfo UNKNOWN_SYMBOL = RuleInfo.of("vcl.unknown-symbol", Severity.ERROR,
      "A name VCC does not know: a variable, function, VMOD or property that does not exist",
      "VCC looks every name up in its symbol table: the variables of vcl-var(7), the functions of imported"
          + " VMODs, the backends, ACLs, probes and subroutines of the file. A misspelt variable"
          + " (`req.urll`), a VMOD function without `import std;`, or a variable of another Varnish version is"
          + " refused with `Symbol not found` or `Unknown property`. Names are compared without regard to case."
          + VCC);
  public static final RuleInfo NOT_AVAILABLE = RuleInfo.of("vcl.not-available", Severity.ERROR,
      "A variable or action used in a subroutine where Varnish does not provide it",
      "Each variable can be read, set or unset only in some subroutines: `beresp` exists only while a"
          + " backend response is handled (vcl_backend_response, vcl_backend_error), `req` only on the client"
          + " side, `resp` only in vcl_deliver and vcl_synth. `hash_data()` belongs in vcl_hash, `synthetic()`"
          + " in vcl_synth and vcl_backend_error, `new` in vcl_init. VCC checks this for every subroutine and"
          + " for every custom subroutine through each built-in one that calls it, and refuses the VCL with"
          + " `Not available in subroutine 'vcl_recv'` or `Cannot be set in subroutine ...`. The variable"
          + " reference (vcl-var(7)) lists where each one is readable and writable." + VCC);
  public static final RuleInfo READ_ONLY = RuleInfo.of("vcl.read-only", Severity.ERROR,
      "An assignment to a variable that can never be set, or an unset of one that cannot be unset",
      "Some variables are read-only everywhere (`client.ip`, `req.xid`, `obj.*`, `now`); VCC answers"
          + " `Variable is read only.` or `Variable cannot be set.`. Only headers, bodies and a few others can"
          + " be unset." + VCC);
  public static final RuleInfo BAD_RETURN = RuleInfo.of("vcl.bad-return", Severity.ERROR,
      "A return action the subroutine does not allow",
      "Each built-in subroutine ends with one of its own actions: vcl_recv with hash, pass, pipe, purge,"
          + " synth, restart, vcl or fail; vcl_backend_response with deliver, retry, abandon, pass, error or"
          + " fail; and so on (vcl(7)). A custom subroutine may return any action that every built-in"
          + " subroutine calling it allows. VCC refuses anything else with `Invalid return \"lookup\"`." + VCC);
  public static final RuleInfo UNDEFINED = RuleInfo.of("vcl.undefined", Severity.ERROR,
      "A backend, ACL, probe or subroutine that is used but never defined",
      "VCC lets a name be used before its definition, then checks at the end that every one was defined:"
          + " `Undefined acl purgers, first reference:`. In a snippet marked `fragment` the definition may be"
          + " elsewhere in the file, so this is not reported there." + VCC).needingWholeFile();
  public static final RuleInfo UNUSED = RuleInfo.of("vcl.unused", Severity.ERROR,
      "A backend, ACL, probe or subroutine that nothing uses",
      "Varnish refuses VCL with unused objects (its parameter vcc_err_unref is on by default):"
          + " `Unused acl admins, defined:`. A backend is used when something refers to it; the first backend"
          + " (or the one named `default`) is the default and always counts as used. Remove the object, or"
          + " use it. Not reported for snippets marked `fragment`." + VCC).needingWholeFile();
  public static final RuleInfo TYPE = RuleInfo.of("vcl.type-mismatch", Severity.ERROR,
      "An expression of the wrong type: a comparison of different types, an operator a type does not have",
      "VCL is typed. VCC converts many types to STRING by itself, INT and DURATION to BOOL, but never the"
          + " other way round: `if (req.http.X-Count > 3)` compares a STRING with an INT and is refused"
          + " (`Comparison of different types: STRING '>' INT`); use `std.integer(req.http.X-Count, 0) > 3`."
          + " `~` wants a constant string (a regex) or an ACL on its right." + VCC);
  public static final RuleInfo BAD_REGEX = RuleInfo.of("vcl.bad-regex", Severity.ERROR,
      "A regular expression that PCRE2 refuses to compile",
      "VCL regexes are PCRE2 patterns, compiled when the VCL is compiled; a pattern PCRE2 refuses makes VCC"
          + " refuse the VCL with `Regexp compilation error:` and PCRE2's message (`missing closing"
          + " parenthesis`, `quantifier does not follow a repeatable item`, ...). Remember that VCL strings"
          + " have no escapes: `\"\\.\"` is the two characters `\\.`, which PCRE2 reads as a literal dot." + VCC);
  public static final RuleInfo REDEFINED = RuleInfo.of("vcl.redefined", Severity.ERROR,
      "A name defined twice: two backends, ACLs, probes or custom subroutines with the same name",
      "Built-in subroutines (vcl_recv, ...) may be written several times; VCC joins the bodies in order."
          + " Every other name must be unique, whatever its kind (`Name 'x' already defined.`)." + VCC);
  public static final RuleInfo ACL = RuleInfo.of("vcl.acl", Severity.ERROR,
      "An ACL entry VCC refuses: host bits set beyond the mask, a mask too wide, conflicting entries",
      "Varnish 7 checks ACL entries strictly by default (the `pedantic` flag is on): `\"192.168.1.10\"/24`"
          + " has bits set beyond its /24 mask and is refused with `Non-zero bits in masked part, (maybe use"
          + " 192.168.1.0/24 ?)`, because the author probably meant one host or the whole network and wrote"
          + " neither. A mask wider than the address (`/33` for IPv4) and an address listed both with and"
          + " without `!` are refused too. Write the network address, or mark the ACL `-pedantic` to have"
          + " Varnish round it down (see `vcl.acl-masked-bits`)." + VCC);
  public static final RuleInfo BACKEND = RuleInfo.of("vcl.backend", Severity.ERROR,
      "A backend or probe declaration VCC refuses: unknown or repeated field, no .host, bad value",
      "A backend has `.host` (or `.path` for a Unix socket in VCL 4.1), optionally `.port`, timeouts,"
          + " `.probe`, `.max_connections` and a few more; a probe has `.url` or `.request`, `.timeout`,"
          + " `.interval`, `.window`, `.threshold`, `.initial`, `.expected_response`. Values have types:"
          + " durations need a unit (`5s`), ports are strings (`\"8080\"`). VCL 3's `set backend.host = ...`"
          + " inside a backend is refused." + VCC);
  public static final RuleInfo ARGUMENT = RuleInfo.of("vcl.argument", Severity.ERROR,
      "A VMOD function called with a missing, unknown, repeated or wrongly typed argument",
      "VMOD functions declare their parameters (vmod_std(3), vmod_directors(3)); VCC checks the number,"
          + " names and types of the arguments and the words of ENUM arguments." + VCC);
  public static final RuleInfo VMOD = RuleInfo.of("vcl.vmod", Severity.ERROR,
      "An import of a VMOD that is not installed with Varnish 7.1",
      "opsbook knows the VMODs that ship with Varnish 7.1 (std, directors, blob, cookie, proxy, purge,"
          + " unix, and the test modules vtc and debug). Others (`import geoip2;`) must be installed"
          + " separately; opsbook cannot check calls into them." + VCC);
  public static final RuleInfo INLINE_C = RuleInfo.of("vcl.inline-c", Severity.ERROR,
      "Inline C (C{ ... }C), which Varnish refuses unless vcc_allow_inline_c is on",
      "Inline C runs inside varnishd with its privileges and is off by default since Varnish 4"
          + " (`Inline-C not allowed`). Use a VMOD instead." + VCC);
  public static final RuleInfo RECURSION = RuleInfo.of("vcl.recursion", Severity.ERROR,
      "A subroutine that calls itself, directly or through others",
      "VCC refuses recursion (`Subroutine recurses on`): calls are resolved when the VCL is compiled." + VCC);
  public static final RuleInfo NO_BACKEND = RuleInfo.of("vcl.no-backend", Severity.ERROR,
      "A whole VCL file with no backend at all",
      "`No backends or directors found in VCL program, at least one is necessary.` Declare one, or"
          + " `backend default none;` for a Varnish that only answers from VCL." + VCC).needingWholeFile();
  public static final RuleInfo INCLUDE = RuleInfo.of("vcl.include", Severity.ERROR,
      "An include that VCC refuses: no file name, no semicolon, an unknown flag, a recursive include",
      "`include \"file.vcl\";` pastes another file's text in place. Relative names are searched in"
          + " Varnish's vcl_path (/etc/varnish, then /usr/share/varnish/vcl); `./name` is relative to the"
          + " including file." + VCC);

  // --- What opsbook reports beyond VCC ---

  public static final RuleInfo INCLUDE_NOT_CHECKED = RuleInfo.of("vcl.include-not-checked", Severity.WARNING,
      "An included file that opsbook could not read, so the program is only partly checked",
      "In a build, an include is read from the article's snippets that carry a `file=` attribute with the"
          + " included path; `opsbook lint` reads no includes. When the file is not there, its definitions are"
          + " unknown: names it would define are not reported as undefined, and nothing is reported as unused."
          + " Show the included file in the article with `file=/etc/varnish/NAME.vcl` to have it checked.");
  public static final RuleInfo HOST_NAME = RuleInfo.of("vcl.host-name", Severity.INFO,
      "A backend host or ACL entry given as a name, which Varnish resolves once, when the VCL is compiled",
      "VCC looks names up in DNS when it compiles the VCL and keeps the addresses it found until the VCL is"
          + " loaded again: a backend that moves to a new address is not followed. A backend name must"
          + " resolve to at most one IPv4 and one IPv6 address, or the VCL is refused; an ACL entry that does"
          + " not resolve is an error unless written in parentheses. opsbook does not do DNS lookups, so it"
          + " cannot check these: prefer addresses in VCL.");
  public static final RuleInfo REGEX_UNCHECKED = RuleInfo.of("vcl.regex-unchecked", Severity.INFO,
      "A regex construct opsbook does not reproduce, so the pattern is neither checked nor evaluated",
      "opsbook checks and runs VCL regexes with its own reading of PCRE2 syntax. A few constructs (recursion,"
          + " conditionals, backtracking verbs, callouts, Unicode properties) are left alone rather than"
          + " guessed: PCRE2 may accept the pattern, and tests that reach it say the case cannot be evaluated.");
  public static final RuleInfo SYNTH_503_RETRY_AFTER = RuleInfo.of("vcl.synth-503-without-retry-after", Severity.WARNING,
      "A synthetic 503 is delivered without a Retry-After header",
      "A 503 tells clients and crawlers that the outage is temporary; RFC 9110 (15.6.4) lets it say for how"
          + " long with `Retry-After`, and crawlers use it to decide when to come back instead of dropping the"
          + " page. The built-in vcl_synth sets `Retry-After: 5`, but only when your vcl_synth falls through to"
          + " it: a `return (deliver)` in your own vcl_synth (or vcl_backend_error) skips it. Set"
          + " `resp.http.Retry-After` (seconds) before delivering the 503.");
  public static final RuleInfo CACHE_SET_COOKIE = RuleInfo.of("vcl.cache-set-cookie", Severity.WARNING,
      "vcl_backend_response delivers without the built-in check for Set-Cookie, so a response that sets a cookie can be cached",
      "The built-in vcl_backend_response makes a response with `Set-Cookie` uncacheable, because a cached"
          + " copy would hand one visitor's cookie (often a session) to everyone who gets the cached copy."
          + " A `return (deliver)` in your vcl_backend_response skips the built-in code. On every path that"
          + " returns, either look at `beresp.http.Set-Cookie` (and `unset` it or set `beresp.uncacheable ="
          + " true`), or let the subroutine fall through to the built-in code.");
  public static final RuleInfo PASS_EVERYTHING = RuleInfo.of("vcl.pass-everything", Severity.WARNING,
      "vcl_recv passes every request, so Varnish caches nothing",
      "An unconditional `return (pass)` in vcl_recv sends every request to the backend: Varnish then adds"
          + " a hop and caches nothing, which is rarely what a cache is deployed for. Usually a condition"
          + " was lost in copying. If passing everything is intended (a temporary bypass), say so in a"
          + " comment and `ignore=vcl.pass-everything` on the snippet.");
  public static final RuleInfo ACL_MASKED_BITS = RuleInfo.of("vcl.acl-masked-bits", Severity.WARNING,
      "An entry of a `-pedantic` ACL has bits set beyond its mask; Varnish silently widens it to the network",
      "With `acl NAME -pedantic`, VCC accepts `\"192.168.1.10\"/24` and matches the whole 192.168.1.0/24."
          + " If one host was meant, the ACL lets in 255 more. Write the network address, or the host without"
          + " a mask.");
  public static final RuleInfo X_FORWARDED_FOR = RuleInfo.of("vcl.x-forwarded-for", Severity.WARNING,
      "vcl_recv sets X-Forwarded-For, which Varnish already appended the client address to",
      "Since Varnish 4.0 the core appends the client address to X-Forwarded-For before vcl_recv runs. The"
          + " VCL 3 idiom `set req.http.X-Forwarded-For = req.http.X-Forwarded-For + \", \" + client.ip;` now"
          + " lists the client twice, and `set req.http.X-Forwarded-For = client.ip;` throws away the"
          + " addresses of proxies in front. Delete the line; to drop what the client sent, `unset` the header"
          + " only if you know Varnish is the first hop.");
  public static final RuleInfo UNPROTECTED_PURGE = RuleInfo.of("vcl.unprotected-purge", Severity.WARNING,
      "vcl_recv purges or bans without checking who asks",
      "`if (req.method == \"PURGE\") { return (purge); }` lets anyone on the internet empty your cache,"
          + " one URL at a time or, with `ban()`, all at once: an easy way to load the backend. Check the client"
          + " first: `if (!client.ip ~ purgers) { return (synth(405)); }` with an `acl purgers`.");
  public static final RuleInfo HASH_WITHOUT_HOST = RuleInfo.of("vcl.hash-without-host", Severity.WARNING,
      "vcl_hash returns lookup without hashing the Host header, so all sites share one cache entry per URL",
      "The built-in vcl_hash hashes the URL and the Host header (or the server address). A vcl_hash that"
          + " returns `lookup` itself skips that: if it hashes only `req.url`, `/` of one virtual host is"
          + " served for every other one. Add `hash_data(req.http.host);`, or let the subroutine fall through.");

  public static final List<RuleInfo> ALL = List.of(
      SYNTAX, UNTERMINATED, VERSION, VCL3, UNKNOWN_SYMBOL, NOT_AVAILABLE, READ_ONLY, BAD_RETURN, UNDEFINED,
      UNUSED, TYPE, BAD_REGEX, REDEFINED, ACL, BACKEND, ARGUMENT, VMOD, INLINE_C, RECURSION, NO_BACKEND,
      INCLUDE, INCLUDE_NOT_CHECKED, HOST_NAME, REGEX_UNCHECKED, SYNTH_503_RETRY_AFTER, CACHE_SET_COOKIE,
      PASS_EVERYTHING, ACL_MASKED_BITS, X_FORWARDED_FOR, UNPROTECTED_PURGE, HASH_WITHOUT_HOST);
}
