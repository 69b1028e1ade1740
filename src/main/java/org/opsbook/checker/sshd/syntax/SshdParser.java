package org.opsbook.checker.sshd.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.opsbook.check.Findings;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.openssh.KeywordStatus;
import org.opsbook.checker.openssh.OpensshVersion;
import org.opsbook.checker.sshd.catalogue.Keyword;
import org.opsbook.checker.sshd.catalogue.KeywordCatalogue;
import org.opsbook.checker.sshd.model.Arg;
import org.opsbook.checker.sshd.model.ConfigFile;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.checker.sshd.model.MatchBlock;
import org.opsbook.checker.sshd.model.SshdConfig;
import org.opsbook.checker.sshd.rules.SshdRules;
import org.opsbook.diag.SourceSpan;

/**
 * Reads an sshd_config the way sshd's servconf.c loads it, for one target release: line by line,
 * following {@code Include} into the files it names, and reports what sshd would refuse ({@code
 * sshd -t} failing) as errors and what it accepts but ignores as warnings. Stateless and
 * thread-safe; each call reads one configuration.
 */
public final class SshdParser {
  /** servconf.c SERVCONF_MAX_DEPTH: how deep includes may nest. */
  static final int MAX_DEPTH = 16;
  /** Where sshd looks for relative Include paths (SSHDIR). */
  static final String SSHDIR = "/etc/ssh";

  /** Client options (ssh_config) that people paste into sshd_config, for a better hint. */
  private static final Set<String> CLIENT_KEYWORDS = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(List.of(
      "stricthostkeychecking", "forwardagent", "forwardx11", "forwardx11trusted", "serveraliveinterval",
      "serveralivecountmax", "identityfile", "identitiesonly", "hostname", "user", "proxyjump", "proxycommand",
      "userknownhostsfile", "controlmaster", "controlpath", "controlpersist", "sendenv", "localforward",
      "remoteforward", "dynamicforward", "host", "batchmode", "connecttimeout", "hashknownhosts",
      "preferredauthentications", "updatehostkeys", "addkeystoagent", "requesttty", "visualhostkey",
      "checkhostip", "verifyhostkeydns", "connectionattempts", "exitonforwardfailure", "escapechar",
      "globalknownhostsfile", "canonicalizehostname", "nohostauthenticationforlocalhost")));

  private SshdParser() {}

  /**
   * Reads a configuration and the files its {@code Include} lines name; never throws on bad
   * content.
   *
   * @param main the file sshd is started with
   * @param included where {@code Include} finds files: the article's snippets, or the disk
   * @param checkedOnItsOwn whether an included snippet gets a check of its own (then only the
   *     findings that come of including it are reported here)
   */
  public static SshdConfig parse(Snippet main, IncludedFiles included, Predicate<Snippet> checkedOnItsOwn,
      OpensshVersion release, Findings findings) {
    Reading r = new Reading(main, included, checkedOnItsOwn, release, findings);
    r.readFile(0, List.of());
    return SshdConfig.of(r.files, r.directives, r.blocks, r.reports.refusedElsewhere());
  }

  /** One load of a configuration: the state sshd keeps while it reads the files. */
  private static final class Reading {
    private final IncludedFiles included;
    private final Predicate<Snippet> checkedOnItsOwn;
    private final OpensshVersion release;
    private final List<ConfigFile> files = new ArrayList<>();
    private final List<Directive> directives = new ArrayList<>();
    private final List<MatchBlock> blocks = new ArrayList<>();
    private final List<SourceSpan> reading = new ArrayList<>();
    private final LineReports reports;
    private final Findings findings;
    // servconf.c keeps the first active AuthenticationMethods list; from then on any line that
    // says "any", active or not, is fatal ("any" must appear alone).
    private int storedMethodsFile = -1;
    private int storedMethodsLine;

    Reading(Snippet main, IncludedFiles included, Predicate<Snippet> checkedOnItsOwn, OpensshVersion release,
        Findings findings) {
      this.included = included;
      this.checkedOnItsOwn = checkedOnItsOwn;
      this.release = release;
      files.add(ConfigFile.main(main));
      this.findings = findings;
      reports = new LineReports(findings, files);
    }

    /**
     * servconf.c parse_server_config_depth(): one file, starting under the Match blocks of the
     * {@code Include} that read it. A Match line in the file starts a block that ends with the
     * file; sshd then restores the including file's state.
     */
    void readFile(int index, List<Integer> siteChain) {
      ConfigFile file = files.get(index);
      reading.add(file.source().fence());
      List<Integer> chain = siteChain;
      List<String> lines = file.source().lines();
      for (int n = 1; n <= lines.size(); n++) {
        reports.inFile(index);
        reports.startLine();
        LexedLine l = LineLexer.lex(lines.get(n - 1));
        if (l.isBlank()) {
          continue;
        }
        chain = line(index, n, l, siteChain, chain);
      }
      reading.remove(reading.size() - 1);
    }

    /** Reads one line; returns the Match chain the following lines sit under. */
    private List<Integer> line(int file, int n, LexedLine l, List<Integer> siteChain, List<Integer> chain) {
      // servconf.c: while loading without a connection, lines are active outside Match blocks and
      // after "Match All"; inactive lines may only use keywords allowed in Match.
      boolean active = appliesGlobally(chain);
      int keywordEnd = l.keywordColumn() + l.keyword().length();
      if (l.rest().isEmpty()) {
        reports.report(n, keywordEnd, SshdRules.MISSING_ARGUMENT,
            "no argument after keyword \"" + l.keyword() + "\"; sshd refuses to start", null);
        return chain;
      }
      Optional<Keyword> found = KeywordCatalogue.find(l.keyword());
      if (found.isEmpty()) {
        unknown(l, n);
        return chain;
      }
      Keyword kw = found.get();
      if (release.isBefore(kw.since())) {
        reports.report(n, l.keywordColumn(), SshdRules.KEYWORD_NOT_IN_RELEASE,
            kw.name() + " appeared in OpenSSH " + kw.since() + "; sshd " + release
                + " rejects it as a bad configuration option",
            "remove it, or set sshd.version in opsbook.yaml if the hosts run a newer OpenSSH");
        return chain;
      }
      if (l.hasBadQuotes()) {
        reports.report(n, l.restColumn(), SshdRules.INVALID_QUOTES,
            "invalid quotes: a quote on this line is never closed",
            "close the quote, or escape a literal quote with a backslash");
        return chain;
      }
      if (!active && !kw.matchAllowed()) {
        String message = "directive '" + kw.name() + "' is not allowed within a Match block";
        if (chain == siteChain) {
          // The block is the one the Include of this file sits in.
          reports.reportCombined(n, l.keywordColumn(), SshdRules.NOT_ALLOWED_IN_MATCH,
              message + " (the file is included inside one)",
              "include the file before the first Match line, or move the keyword to a file included there");
        } else {
          reports.report(n, l.keywordColumn(), SshdRules.NOT_ALLOWED_IN_MATCH, message,
              "move it above the first Match line; a Match block runs until the next Match line or the end of the file");
        }
        return chain;
      }
      String lower = kw.lowerName();
      if (lower.equals("match")) {
        MatchBlock block = MatchLineParser.parse(l.rest(), l.restColumn(), n, siteChain, reports);
        blocks.add(block);
        List<Integer> next = new ArrayList<>(siteChain);
        next.add(blocks.size() - 1);
        return List.copyOf(next);
      }
      if (!kw.isLive(release)) {
        retired(kw, l, n);
        return chain;
      }
      if (kw.status() == KeywordStatus.PLATFORM_UNSUPPORTED) {
        reports.report(n, l.keywordColumn(), SshdRules.UNSUPPORTED_ON_PLATFORM,
            "setting " + kw.name() + " is not supported on this platform: sshd on Linux exits when it reads it",
            "remove the line; routing domains exist only on OpenBSD");
        return chain;
      }
      if (kw.status() == KeywordStatus.ALIAS) {
        Keyword target = KeywordCatalogue.resolve(kw);
        reports.report(n, l.keywordColumn(), SshdRules.OBSOLETE_ALIAS,
            kw.name() + " is an old name for " + target.name() + "; sshd reads it the same way",
            "write " + target.name() + " so the file matches current documentation");
      }
      ArgumentValidator.validate(kw, l.args(), l.rest(), l.restColumn(), n, reports, release);
      if (lower.equals("authenticationmethods") && !reports.lineHasErrors()) {
        authenticationMethods(file, n, l, active);
      }
      if (lower.equals("include")) {
        if (!reports.lineHasErrors()) {
          for (Arg a : l.args()) {
            include(file, n, a, chain);
          }
        }
        return chain;
      }
      if (!reports.lineHasErrors()) {
        Keyword canonical = KeywordCatalogue.resolve(kw);
        directives.add(new Directive(file, n, canonical.name(), l.keyword(), l.keywordColumn(), l.args(), l.rest(),
            l.restColumn(), chain));
      }
      return chain;
    }

    private void authenticationMethods(int file, int n, LexedLine l, boolean active) {
      for (Arg a : l.args()) {
        if (a.text().equals("any") && storedMethodsFile >= 0) {
          String message = "\"any\" must appear alone in AuthenticationMethods: " + where(storedMethodsFile,
              storedMethodsLine) + " already set the methods, and sshd refuses \"any\" after that, even inside a"
              + " Match block";
          String hint = "to relax the methods for some connections, leave the global AuthenticationMethods out"
              + " and set it in Match blocks only";
          if (storedMethodsFile == file) {
            reports.report(n, a.column(), SshdRules.BAD_VALUE, message, hint);
          } else {
            reports.reportCombined(n, a.column(), SshdRules.BAD_VALUE, message, hint);
          }
        }
      }
      if (active && storedMethodsFile < 0 && !l.args().isEmpty() && !reports.lineHasErrors()) {
        storedMethodsFile = file;
        storedMethodsLine = n;
      }
    }

    /**
     * servconf.c, sInclude: a path that is not absolute is taken from /etc/ssh; the pattern is
     * expanded with glob(3) and each file read in glob's order, under the Match state of the
     * Include line, as one level deeper. A pattern that matches nothing is not an error.
     */
    private void include(int file, int n, Arg arg, List<Integer> chain) {
      String pattern = arg.text();
      if (pattern.startsWith("~")) {
        reports.report(n, arg.column(), SshdRules.INCLUDE_NOT_FOLLOWED, "Include " + pattern + ": sshd does not expand"
            + " ~ in Include and looks for the name in its working directory, which a check does not know", null);
        return;
      }
      String path = pattern.startsWith("/") ? pattern : SSHDIR + "/" + pattern;
      if (included == IncludedFiles.NONE) {
        reports.report(n, arg.column(), SshdRules.INCLUDE_NOT_FOLLOWED, "Include " + path
            + ": the included files are not part of this snippet, so their settings are not checked or modelled",
            null);
        return;
      }
      List<Snippet> matched = included.matching(path);
      List<IncludedFiles.Unread> unread = included.unread(path);
      if (!unread.isEmpty()) {
        // sshd starts as root and reads what opsbook, run by a user, may not: the file is there,
        // so the Include is not missing, and the model lacks what the file sets.
        reports.report(n, arg.column(), SshdRules.INCLUDE_NOT_FOLLOWED, "Include " + path + " matches "
            + IncludedFiles.Unread.describe(unread) + " or modelled, and rules that need the whole configuration are"
            + " off", IncludedFiles.Unread.hint("sshd"));
        unread.forEach(findings::markUnread);
      }
      if (matched.isEmpty()) {
        if (!unread.isEmpty()) {
          return;
        }
        if (!included.isWholeTree()) {
          reports.report(n, arg.column(), SshdRules.INCLUDE_NOT_FOLLOWED, "Include " + path
              + " matches no snippet of this article with a file= path; on a real host the files it names are read"
              + " here, and they are not checked", "show the included file as a snippet with file=PATH, or mark this"
              + " one fragment");
        } else if (!IncludedFiles.isPattern(path)) {
          reports.report(n, arg.column(), SshdRules.INCLUDE_MISSING, "Include " + path
              + " names no file; sshd skips it without a word", "correct the path, or remove the line");
        }
        return;
      }
      if (included.mayLeaveOut(matched)) {
        reports.report(n, arg.column(), SshdRules.INCLUDE_NOT_FOLLOWED, "Include " + path + " matches "
            + matched.size() + " files or more; opsbook reads the first " + matched.size()
            + ", so the settings of any after them are not checked", "split the folder, or check the rest on their own");
      }
      int depth = files.get(file).depth() + 1;
      for (Snippet s : matched) {
        if (depth > MAX_DEPTH || reading.contains(s.fence())) {
          reports.reportCombined(n, arg.column(), SshdRules.INCLUDE_RECURSION, "Too many recursive configuration"
                  + " includes: " + pathOf(s) + (reading.contains(s.fence()) ? " is already being read, so"
                  + " sshd would include it again and again" : " would be read " + depth + " includes deep, and"
                  + " sshd stops at " + MAX_DEPTH),
              "remove the Include that leads back to a file being read");
          continue;
        }
        files.add(new ConfigFile(s, pathOf(s), !checkedOnItsOwn.test(s), file, n, arg.column(), depth));
        readFile(files.size() - 1, chain);
        reports.inFile(file);
      }
    }

    private boolean appliesGlobally(List<Integer> chain) {
      for (int b : chain) {
        MatchBlock block = blocks.get(b);
        if (!block.valid() || !block.isAll()) {
          return false;
        }
      }
      return true;
    }

    private String where(int file, int line) {
      return file == 0 ? "line " + line : files.get(file).path() + " line " + line;
    }

    private void unknown(LexedLine l, int n) {
      String lower = l.keyword().toLowerCase(Locale.ROOT);
      String hint;
      if (CLIENT_KEYWORDS.contains(lower)) {
        hint = l.keyword() + " is an ssh client option (ssh_config); it belongs in ~/.ssh/config or /etc/ssh/ssh_config";
      } else {
        hint = KeywordCatalogue.closest(l.keyword()).map(s -> "did you mean " + s + "?")
            .orElse("see sshd_config(5) for the keywords sshd knows");
      }
      reports.report(n, l.keywordColumn(), SshdRules.UNKNOWN_KEYWORD,
          "bad configuration option: " + l.keyword() + "; sshd refuses to start", hint);
    }

    private void retired(Keyword kw, LexedLine l, int n) {
      var rule = switch (kw.status()) {
        case IGNORED -> SshdRules.IGNORED_KEYWORD;
        case UNSUPPORTED -> SshdRules.UNSUPPORTED_KEYWORD;
        default -> SshdRules.DEPRECATED_KEYWORD;
      };
      reports.report(n, l.keywordColumn(), rule, kw.note(), "delete the line");
    }
  }

  private static String pathOf(Snippet s) {
    return s.attribute("file").orElse(s.origin().file());
  }
}
