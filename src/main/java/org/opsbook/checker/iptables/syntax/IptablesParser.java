package org.opsbook.checker.iptables.syntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.opsbook.check.Findings;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.model.Command;
import org.opsbook.checker.iptables.model.Outcome;
import org.opsbook.checker.iptables.model.Replay;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.model.Ruleset;
import org.opsbook.diag.Diagnostic;

/**
 * Reads an iptables snippet, in either form articles use, and replays it into a {@link Replay}:
 * shell command lines ({@code iptables -A INPUT ...}, see {@link ScriptReader}) or the save-file
 * format of iptables-save(8) (see {@link SaveFileReader}). Stateless and thread-safe.
 */
public final class IptablesParser {
  private static final Set<String> SAVE_LANGUAGES = Set.of("iptables-save", "iptables-restore", "ip6tables-save", "ip6tables-restore");

  private IptablesParser() {}

  /**
   * What a snippet builds, with its findings, for callers outside a check (tests, the oracle).
   *
   * @param ruleset the tables after every accepted command
   * @param commands the commands iptables would accept, in order
   * @param outcomes one per iptables call (or per committed table of a save file)
   * @param diagnostics what iptables refuses and what opsbook could not read, in the order found
   */
  public record Result(Ruleset ruleset, List<Command> commands, List<Outcome> outcomes, List<Diagnostic> diagnostics) {
    public Result {
      commands = List.copyOf(commands);
      outcomes = List.copyOf(outcomes);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Whether a snippet is written in the save-file format rather than as commands. */
  public static boolean isSaveFormat(Snippet snippet) {
    if (SAVE_LANGUAGES.contains(snippet.language())) {
      return true;
    }
    for (String l : snippet.lines()) {
      String s = l.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      return s.startsWith("*") || s.startsWith(":");
    }
    return false;
  }

  public static String family(Snippet snippet) {
    return snippet.language().startsWith("ip6") ? "ipv6" : "ipv4";
  }

  /**
   * Replays the {@code earlier} snippets (their findings dropped, so chains they create exist),
   * then the snippet itself, reporting what iptables refuses to {@code findings}.
   *
   * @param articleText the text of the article's snippets, for lint rules that look for mentions
   */
  public static Replay read(Snippet snippet, List<Snippet> earlier, String articleText, Findings findings) {
    String family = family(snippet);
    RulesetAssembler assembler = new RulesetAssembler(family);
    for (Snippet s : earlier) {
      if (family(s).equals(family)) {
        replay(s, assembler, new Findings(s), new ArrayList<>(), new ArrayList<>());
      }
    }
    List<Command> commands = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    replay(snippet, assembler, findings, commands, outcomes);
    Set<Rule> own = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Command c : commands) {
      if (c.rule() != null) {
        own.add(c.rule());
      }
    }
    return new Replay(assembler.toRuleset(), commands, outcomes, own, articleText, snippet.attribute("host").orElse(null));
  }

  /** Parses a snippet on its own (after {@code earlier}), collecting its findings. */
  public static Result parse(Snippet snippet, List<Snippet> earlier) {
    Findings findings = new Findings(snippet);
    Replay r = read(snippet, earlier, "", findings);
    return new Result(r.ruleset(), r.commands(), r.outcomes(), findings.diagnostics());
  }

  private static void replay(Snippet s, RulesetAssembler assembler, Findings out, List<Command> commands, List<Outcome> outcomes) {
    if (isSaveFormat(s)) {
      new SaveFileReader(s, assembler, out, commands, outcomes).read();
    } else {
      new ScriptReader(s, assembler, out, commands, outcomes).read();
    }
  }
}
