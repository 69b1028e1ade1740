package org.opsbook.checker.sshd.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.catalog.Keyword;
import org.opsbook.checker.sshd.catalog.KeywordCatalog;
import org.opsbook.checker.sshd.catalog.Multiplicity;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/** A keyword set twice in one scope: sshd keeps the first value (or, for a few, the last) silently. */
public final class DuplicateKeywordRule implements SshdRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.duplicate-keyword", Severity.WARNING,
      "A keyword is set twice in the same section and one line is silently ignored",
      """
      sshd_config(5): "Unless noted otherwise, for each parameter, the first obtained value will be
      used." A second `PasswordAuthentication no` further down does nothing if an earlier line
      said `yes`, which is the opposite of how most configuration files behave.

      **What sshd does.** For most keywords the first line in a section wins (the global section,
      or one Match block). A few keywords (`MaxStartups`, `IPQoS`, `FingerprintHash`,
      `StreamLocalBindMask`, `PerSourceMaxStartups`, `PerSourceNetBlockSize`) keep the last value.
      List keywords such as `AllowUsers`, `Port`, `HostKey` and `AcceptEnv` add up and are not
      flagged. Debian's `/etc/ssh/sshd_config` includes `sshd_config.d/*.conf` first, so drop-ins
      win over the main file for the same reason.

      **Fix.** Delete the line that loses, so the file says what sshd does.

      **Source.** sshd_config(5); servconf.c (each option is only stored while unset).
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RuleInput input, List<Diagnostic> out) {
    Map<String, Directive> seen = new TreeMap<>();
    for (Directive d : input.config().directives()) {
      Keyword kw = KeywordCatalog.find(d.keyword()).orElse(null);
      if (kw == null || (kw.multiplicity() != Multiplicity.FIRST_WINS && kw.multiplicity() != Multiplicity.LAST_WINS)) {
        continue;
      }
      // Lines after "Match All" are active in the same pass as the global section.
      int scope = d.isInMatch() && !input.config().blocks().get(d.block()).isAll() ? d.block() : -1;
      String key = scope + "/" + kw.lowerName();
      Directive earlier = seen.putIfAbsent(key, d);
      if (earlier == null) {
        continue;
      }
      String where = scope >= 0 ? "this Match block" : "the global section";
      if (kw.multiplicity() == Multiplicity.FIRST_WINS) {
        out.add(input.report(INFO, d, -1, d.written() + " is already set on line " + earlier.line() + " of "
            + where + "; sshd keeps the first value, so this line is ignored",
            "delete this line, or move its value to line " + earlier.line()));
      } else {
        out.add(input.report(INFO, earlier, -1, earlier.written() + " is set again on line " + d.line() + " of "
            + where + "; for this keyword sshd keeps the last value, so this line is ignored",
            "delete this line"));
        seen.put(key, d);
      }
    }
  }
}
