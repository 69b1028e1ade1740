package org.opsbook.checker.sshd.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opsbook.check.Snippet;
import org.opsbook.checker.sshd.catalog.Keyword;
import org.opsbook.checker.sshd.catalog.KeywordCatalog;
import org.opsbook.checker.sshd.catalog.KeywordStatus;
import org.opsbook.checker.sshd.catalog.OpensshVersion;
import org.opsbook.checker.sshd.model.Arg;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.checker.sshd.model.MatchBlock;
import org.opsbook.checker.sshd.model.SshdConfig;
import org.opsbook.diag.Severity;

/**
 * Parses sshd_config text the way sshd's servconf.c does, for one target release, and reports what
 * sshd would refuse ({@code sshd -t} failing) as errors and what it accepts but ignores as
 * warnings. Stateless and thread-safe.
 */
public final class SshdParser {
  /** Client options (ssh_config) that people paste into sshd_config, for a better hint. */
  private static final Set<String> CLIENT_KEYWORDS = new TreeSet<>(List.of(
      "stricthostkeychecking", "forwardagent", "forwardx11", "forwardx11trusted", "serveraliveinterval",
      "serveralivecountmax", "identityfile", "identitiesonly", "hostname", "user", "proxyjump", "proxycommand",
      "userknownhostsfile", "controlmaster", "controlpath", "controlpersist", "sendenv", "localforward",
      "remoteforward", "dynamicforward", "host", "batchmode", "connecttimeout", "hashknownhosts",
      "preferredauthentications", "updatehostkeys", "addkeystoagent", "requesttty", "visualhostkey",
      "checkhostip", "verifyhostkeydns", "connectionattempts", "exitonforwardfailure", "escapechar",
      "globalknownhostsfile", "canonicalizehostname", "nohostauthenticationforlocalhost"));

  private SshdParser() {}

  /** Parses a snippet for a release; never throws on bad content. */
  public static ParseResult parse(Snippet snippet, OpensshVersion release) {
    Reporter r = new Reporter(snippet);
    List<Directive> directives = new ArrayList<>();
    List<MatchBlock> blocks = new ArrayList<>();
    List<String> lines = snippet.lines();
    // servconf.c: in syntax-check mode a Match line makes the following lines inactive unless it
    // is "Match All"; inactive lines may only use keywords allowed in Match.
    boolean active = true;
    for (int n = 1; n <= lines.size(); n++) {
      r.startLine();
      LexedLine l = LineLexer.lex(lines.get(n - 1));
      if (l.isBlank()) {
        continue;
      }
      int keywordEnd = l.keywordColumn() + l.keyword().length();
      if (l.rest().isEmpty()) {
        r.error(n, keywordEnd, ArgumentValidator.MISSING,
            "no argument after keyword \"" + l.keyword() + "\"; sshd refuses to start", null);
        continue;
      }
      Optional<Keyword> found = KeywordCatalog.find(l.keyword());
      if (found.isEmpty()) {
        unknown(l, n, r);
        continue;
      }
      Keyword kw = found.get();
      if (release.isBefore(kw.since())) {
        r.error(n, l.keywordColumn(), "sshd.keyword-not-in-release",
            kw.name() + " appeared in OpenSSH " + kw.since() + "; sshd " + release
                + " rejects it as a bad configuration option",
            "remove it, or set sshd.version in opsbook.yaml if the hosts run a newer OpenSSH");
        continue;
      }
      if (l.hasBadQuotes()) {
        r.error(n, l.restColumn(), "sshd.invalid-quotes", "invalid quotes: a quote on this line is never closed",
            "close the quote, or escape a literal quote with a backslash");
        continue;
      }
      if (!active && !kw.matchAllowed()) {
        r.error(n, l.keywordColumn(), "sshd.not-allowed-in-match",
            "directive '" + kw.name() + "' is not allowed within a Match block",
            "move it above the first Match line; a Match block runs until the next Match line or the end of the file");
        continue;
      }
      String lower = kw.lowerName();
      if (lower.equals("match")) {
        MatchBlock block = MatchLineParser.parse(l.rest(), l.restColumn(), n, r);
        blocks.add(block);
        active = block.valid() && block.isAll();
        continue;
      }
      if (!kw.isLive(release)) {
        retired(kw, l, n, r);
        continue;
      }
      if (kw.status() == KeywordStatus.PLATFORM_UNSUPPORTED) {
        r.error(n, l.keywordColumn(), "sshd.unsupported-on-platform",
            "setting " + kw.name() + " is not supported on this platform: sshd on Linux exits when it reads it",
            "remove the line; routing domains exist only on OpenBSD");
        continue;
      }
      if (kw.status() == KeywordStatus.ALIAS) {
        Keyword target = KeywordCatalog.resolve(kw);
        r.add(n, l.keywordColumn(), "sshd.obsolete-alias", Severity.INFO,
            kw.name() + " is an old name for " + target.name() + "; sshd reads it the same way",
            "write " + target.name() + " so the file matches current documentation");
      }
      ArgumentValidator.validate(kw, l.args(), l.rest(), l.restColumn(), n, r);
      if (lower.equals("include")) {
        for (Arg a : l.args()) {
          String where = a.text().startsWith("/") || a.text().startsWith("~") ? a.text() : "/etc/ssh/" + a.text();
          r.add(n, a.column(), "sshd.include-not-followed", Severity.INFO,
              "Include " + where + ": the included files are not part of this snippet, so their settings are"
                  + " not checked or modelled", null);
        }
        continue;
      }
      if (!r.lineHasErrors()) {
        Keyword canonical = KeywordCatalog.resolve(kw);
        directives.add(new Directive(n, canonical.name(), l.keyword(), l.keywordColumn(), l.args(), l.rest(),
            l.restColumn(), blocks.size() - 1));
      }
    }
    return new ParseResult(new SshdConfig(directives, blocks), r.diagnostics());
  }

  private static void unknown(LexedLine l, int n, Reporter r) {
    String lower = l.keyword().toLowerCase(Locale.ROOT);
    String hint;
    if (CLIENT_KEYWORDS.contains(lower)) {
      hint = l.keyword() + " is an ssh client option (ssh_config); it belongs in ~/.ssh/config or /etc/ssh/ssh_config";
    } else {
      hint = KeywordCatalog.closest(l.keyword()).map(s -> "did you mean " + s + "?")
          .orElse("see sshd_config(5) for the keywords sshd knows");
    }
    r.error(n, l.keywordColumn(), "sshd.unknown-keyword",
        "bad configuration option: " + l.keyword() + "; sshd refuses to start", hint);
  }

  private static void retired(Keyword kw, LexedLine l, int n, Reporter r) {
    String rule = switch (kw.status()) {
      case IGNORED -> "sshd.ignored-keyword";
      case UNSUPPORTED -> "sshd.unsupported-keyword";
      default -> "sshd.deprecated-keyword";
    };
    r.add(n, l.keywordColumn(), rule, Severity.WARNING, kw.note(), "delete the line");
  }
}
