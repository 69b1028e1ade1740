package org.opsbook.checker.sshclient.syntax;

import org.opsbook.checker.sshclient.catalogue.ValueType;
import org.opsbook.checker.sshclient.catalogue.KeywordSpec;
import org.opsbook.checker.sshclient.catalogue.KeywordCatalogue;
import org.opsbook.checker.openssh.OpensshVersion;
import org.opsbook.check.Findings;
import org.opsbook.checker.sshclient.rules.SshClientRules;
import org.opsbook.check.Suggestion;
import org.opsbook.checker.openssh.WildcardPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.SshConfig;

/**
 * Looks every directive up in the catalogue of the target release and validates its arguments:
 * the part of the checker that decides whether {@code ssh -G} would accept the file.
 */
public final class DirectiveValidator {
  // Why each retired keyword is gone, from the OpenSSH release notes.
  private static final Map<String, String> RETIRED = Map.ofEntries(
      Map.entry("cipher", "it chose the SSH-1 cipher, and SSH-1 support was removed in OpenSSH 7.6"),
      Map.entry("protocol", "SSH-1 support was removed in OpenSSH 7.6, so only protocol 2 remains"),
      Map.entry("fallbacktorsh", "rsh fallback was removed long ago"),
      Map.entry("usersh", "rsh support was removed long ago"),
      Map.entry("rhostsauthentication", "rhosts authentication was removed"),
      Map.entry("globalknownhostsfile2", "GlobalKnownHostsFile now takes several files"),
      Map.entry("userknownhostsfile2", "UserKnownHostsFile now takes several files"),
      Map.entry("useroaming", "the experimental roaming code was removed in OpenSSH 7.2 after CVE-2016-0777"),
      Map.entry("useprivilegedport", "ssh no longer binds to a privileged source port; removed in OpenSSH 7.4"),
      Map.entry("rsaauthentication", "it was the SSH-1 RSA authentication, removed with SSH-1 in OpenSSH 7.6"),
      Map.entry("rhostsrsaauthentication", "it was the SSH-1 rhosts-RSA authentication, removed in OpenSSH 7.6"),
      Map.entry("compressionlevel", "it only applied to SSH-1, removed in OpenSSH 7.6"),
      Map.entry("afstokenpassing", "AFS token passing was removed"),
      Map.entry("kerberosauthentication", "it belonged to SSH-1; use GSSAPIAuthentication"),
      Map.entry("kerberostgtpassing", "it belonged to SSH-1; use GSSAPIDelegateCredentials"));

  private DirectiveValidator() {}

  /** Reports every directive that ssh would refuse, ignore or read under another name. */
  public static void check(SshConfig config, OpensshVersion version, Findings out) {
    String ignoreUnknown = null;
    for (Directive d : config.directives()) {
      if (!d.wellFormed()) {
        // ssh stops reading the line at the lexical error the parser reported
        continue;
      }
      Optional<KeywordSpec> found = KeywordCatalogue.lookup(d.name(), version);
      if (found.isEmpty()) {
        unknown(d, version, ignoreUnknown, out);
        continue;
      }
      KeywordSpec spec = found.get();
      status(d, spec, out);
      ArgumentValidator.validate(d, spec, version, out);
      if (spec.name().equals("ignoreunknown") && ignoreUnknown == null && !d.arguments().isEmpty()) {
        // readconf.c: only the first IgnoreUnknown counts, and only for lines after it
        ignoreUnknown = d.firstValue();
      }
      if (spec.type() == ValueType.INCLUDE) {
        out.report(SshClientRules.INCLUDE_NOT_CHECKED, d.line(), d.column(),
            "Include " + String.join(" ", d.arguments().stream().map(a -> a.value()).toList())
                + " is not checked: the included files are not part of this snippet",
            null);
      }
    }
  }

  private static void unknown(Directive d, OpensshVersion version, String ignoreUnknown, Findings out) {
    if (ignoreUnknown != null && WildcardPattern.matchList(d.name(), ignoreUnknown, true) == 1) {
      out.report(SshClientRules.IGNORED_UNKNOWN, d.line(), d.column(),
          "unknown keyword \"" + d.keyword() + "\" is skipped because it matches IgnoreUnknown "
              + ignoreUnknown + " (only where that IgnoreUnknown line applies to the host)",
          "check the spelling; IgnoreUnknown is meant for options of newer ssh releases");
      return;
    }
    Optional<OpensshVersion> since = KeywordCatalogue.introducedIn(d.name());
    if (since.isPresent()) {
      out.report(SshClientRules.KEYWORD_TOO_NEW, d.line(), d.column(),
          KeywordCatalogue.displayName(d.name()) + " appeared in OpenSSH " + since.get()
              + "; ssh " + version + " stops with \"Bad configuration option\"",
          "raise ssh.version in opsbook.yaml if the article targets OpenSSH " + since.get()
              + " or later, or add 'IgnoreUnknown " + KeywordCatalogue.displayName(d.name()) + "' above it");
      return;
    }
    if (d.name().equals("usekeychain")) {
      out.report(SshClientRules.UNKNOWN_KEYWORD, d.line(), d.column(),
          "bad configuration option \"" + d.keyword() + "\": UseKeychain exists only in Apple's build of ssh; "
              + "OpenSSH refuses the file",
          "put 'IgnoreUnknown UseKeychain' before it, or keep it in a macOS-only file");
      return;
    }
    String hint = suggestion(d.name())
        .map(s -> "did you mean " + s + "?")
        .orElse("check the spelling against ssh_config(5); sshd_config keywords do not belong here");
    out.report(SshClientRules.UNKNOWN_KEYWORD, d.line(), d.column(),
        "bad configuration option \"" + d.keyword() + "\": ssh does not know this keyword and refuses the file",
        hint);
  }

  private static void status(Directive d, KeywordSpec spec, Findings out) {
    String why = RETIRED.getOrDefault(spec.name(), "");
    switch (spec.status()) {
      case DEPRECATED, IGNORED -> out.report(SshClientRules.DEPRECATED_KEYWORD, d.line(), d.column(),
          spec.display() + " is deprecated: ssh accepts the line and silently ignores it"
              + (why.isEmpty() ? "" : " (" + why + ")"),
          "delete the line");
      case UNSUPPORTED -> out.report(SshClientRules.UNSUPPORTED_KEYWORD, d.line(), d.column(),
          spec.display() + " is no longer supported: ssh prints \"Unsupported option\" on every run and ignores it"
              + (why.isEmpty() ? "" : " (" + why + ")"),
          "delete the line");
      case ALIAS -> out.report(SshClientRules.RENAMED_KEYWORD, d.line(), d.column(),
          spec.display() + " is an old name for " + KeywordCatalogue.displayName(spec.canonical())
              + "; ssh still accepts it",
          "write " + KeywordCatalogue.displayName(spec.canonical()) + " instead");
      case VENDOR -> out.report(SshClientRules.VENDOR_KEYWORD, d.line(), d.column(),
          spec.display() + " exists only in ssh builds with Debian's GSSAPI key-exchange patch "
              + "(Debian, Ubuntu); upstream OpenSSH rejects it",
          "add 'IgnoreUnknown " + spec.display() + "' above it if the file is shared with other systems");
      default -> { }
    }
  }

  /** The known keyword closest to a misspelt one, if it is close enough to be a typo. */
  static Optional<String> suggestion(String name) {
    return Suggestion.closest(name, KeywordCatalogue.names(), Math.max(2, name.length() / 5))
        .map(KeywordCatalogue::displayName);
  }
}
