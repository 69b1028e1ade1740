package org.opsbook.checker.iptables.syntax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opsbook.check.Findings;
import org.opsbook.checker.iptables.IptablesRules;
import org.opsbook.checker.iptables.model.Chain;
import org.opsbook.checker.iptables.model.Command;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.model.RuleFormatter;
import org.opsbook.checker.iptables.model.Ruleset;
import org.opsbook.checker.iptables.model.Word;

/**
 * Applies parsed commands in order to a model of the kernel's tables, as iptables 1.8 on
 * nf_tables (Debian's default) leaves them on a fresh host, reporting what the kernel refuses given
 * the earlier commands: a missing chain, a policy on a user chain, a rule number past the end,
 * deleting a chain that is still used, a jump that closes a loop. Built-in chains exist only once
 * something has used them (nft creates them lazily), which decides {@code -Z}, {@code -X} and
 * {@code -E} on them.
 */
final class RulesetAssembler {
  private static final class ChainState {
    final boolean builtin;
    /** For a built-in chain, whether nf_tables has created it yet; user chains exist from -N on. */
    boolean present;
    String policy;
    int policyLine;
    final List<Rule> rules = new ArrayList<>();

    ChainState(boolean builtin) {
      this.builtin = builtin;
      this.present = !builtin;
      this.policy = builtin ? "ACCEPT" : null;
    }
  }

  private final Map<String, Map<String, ChainState>> tables = new LinkedHashMap<>();
  private final Map<String, JumpGraph> jumps = new HashMap<>();
  private final String family;

  RulesetAssembler(String family) {
    this.family = family;
  }

  private Map<String, ChainState> table(String name) {
    return tables.computeIfAbsent(name, t -> {
      Map<String, ChainState> chains = new LinkedHashMap<>();
      Tables.BUILTIN.getOrDefault(t, List.of()).forEach(c -> chains.put(c, new ChainState(true)));
      return chains;
    });
  }

  private JumpGraph graph(String table) {
    return jumps.computeIfAbsent(table, t -> new JumpGraph());
  }

  /** Declares a user chain without checks, as a save file's {@code :NAME - [0:0]} line does. */
  void declare(String table, String chain) {
    table(table).putIfAbsent(chain, new ChainState(false));
  }

  /** Creates a built-in chain from a save file's {@code :INPUT DROP [0:0]} line, with its policy. */
  void declareBuiltin(String table, String chain, String policy, int line) {
    ChainState c = table(table).get(chain);
    if (c != null && c.builtin) {
      c.present = true;
      if (policy != null) {
        c.policy = policy;
        c.policyLine = line;
      }
    }
  }

  /** Empties every chain of a table, as iptables-restore does for each {@code *table} it loads. */
  void flushTable(String table) {
    table(table).forEach((name, c) -> {
      c.rules.clear();
      graph(table).clear(name);
    });
  }

  /** Applies one command; returns false after reporting why the kernel would refuse it. */
  boolean apply(Command cmd, Findings out) {
    if (!Tables.exists(cmd.table())) {
      return false;
    }
    Map<String, ChainState> chains = table(cmd.table());
    Word cw = cmd.chainWord();
    boolean unknownChainName = cw != null && cw.variable();
    ChainState chain = cmd.chain() == null ? null : chains.get(cmd.chain());
    if (unknownChainName) {
      return true; // a $CHAIN: whatever the shell puts there, opsbook cannot tell
    }
    return switch (cmd.kind()) {
      case NEW_CHAIN -> newChain(cmd, chains, chain, out);
      case FLUSH -> flush(cmd, chains, chain, out);
      case ZERO -> zero(cmd, chain, out);
      case LIST, LIST_RULES -> chain != null || cmd.chain() == null || noSuchChain(cmd, out);
      case DELETE_CHAIN -> deleteChain(cmd, chains, chain, out);
      case RENAME_CHAIN -> renameChain(cmd, chains, chain, out);
      case POLICY -> policy(cmd, chain, out);
      default -> applyRule(cmd, chains, chain, out);
    };
  }

  private boolean newChain(Command cmd, Map<String, ChainState> chains, ChainState chain, Findings out) {
    Word cw = cmd.chainWord();
    if (chain != null) {
      IptablesRules.reportAt(out, IptablesRules.BAD_COMMAND, cw, "Chain already exists",
          chain.builtin ? cmd.chain() + " is a built-in chain of the " + cmd.table() + " table" : "chain " + cmd.chain() + " was created earlier; -N it once, or flush it with -F");
      return false;
    }
    String bad = chainNameProblem(cmd.chain());
    if (bad != null) {
      IptablesRules.reportAt(out, IptablesRules.BAD_VALUE, cw, bad, "user chain names are up to 28 characters and may not be target names");
      return false;
    }
    chains.put(cmd.chain(), new ChainState(false));
    return true;
  }

  private boolean flush(Command cmd, Map<String, ChainState> chains, ChainState chain, Findings out) {
    if (cmd.chain() == null) {
      chains.forEach((name, c) -> {
        c.rules.clear();
        graph(cmd.table()).clear(name);
      });
      return true;
    }
    if (chain == null) {
      return noSuchChain(cmd, out);
    }
    // nft: flushing a built-in chain creates it
    chain.present = true;
    chain.rules.clear();
    graph(cmd.table()).clear(cmd.chain());
    return true;
  }

  private boolean zero(Command cmd, ChainState chain, Findings out) {
    if (cmd.chain() == null) {
      return true;
    }
    if (chain == null) {
      return noSuchChain(cmd, out);
    }
    if (!chain.present) {
      return notCreatedYet(cmd, out, "zero its counters");
    }
    return true;
  }

  private boolean deleteChain(Command cmd, Map<String, ChainState> chains, ChainState chain, Findings out) {
    Word cw = cmd.chainWord();
    JumpGraph graph = graph(cmd.table());
    if (cmd.chain() == null) {
      for (Map.Entry<String, ChainState> e : chains.entrySet()) {
        if (!e.getValue().builtin && (!e.getValue().rules.isEmpty() || graph.isTarget(e.getKey()))) {
          IptablesRules.reportAt(out, IptablesRules.BAD_COMMAND, cmd.at(),
              "CHAIN_DEL failed (Device or resource busy): chain " + e.getKey() + (e.getValue().rules.isEmpty() ? " is still jumped to" : " has rules"),
              "-X without a chain deletes every user chain, so each must be empty and unused: flush the table with -F first");
          return false;
        }
      }
      chains.values().removeIf(c -> !c.builtin);
      // nft deletes the empty built-in chains with an ACCEPT policy too; they come back on first use
      chains.values().forEach(c -> c.present = c.present && (!c.rules.isEmpty() || !"ACCEPT".equals(c.policy)));
      return true;
    }
    if (chain == null) {
      return noSuchChain(cmd, out);
    }
    if (chain.builtin) {
      if (!chain.present || !chain.rules.isEmpty() || !"ACCEPT".equals(chain.policy)) {
        String why = !chain.present ? " (iptables-nft: No chain/target/match by that name, since nothing has created it yet)"
            : chain.rules.isEmpty() ? " with a DROP policy (iptables: Directory not empty)" : " with rules in it (CHAIN_DEL failed: Device or resource busy)";
        IptablesRules.reportAt(out, IptablesRules.BAD_COMMAND, cw, "Can't delete built-in chain " + cmd.chain() + why,
            "-X deletes user chains; flush a built-in chain with -F");
        return false;
      }
      IptablesRules.reportAt(out, IptablesRules.LAZY_CHAIN, cw,
          "-X " + cmd.chain() + " deletes the empty built-in chain under iptables-nft (iptables-legacy refuses); the next rule or policy creates it again",
          "to empty a built-in chain, use -F " + cmd.chain());
      chain.present = false;
      return true;
    }
    if (graph.isTarget(cmd.chain())) {
      IptablesRules.reportAt(out, IptablesRules.BAD_COMMAND, cw, "Chain " + cmd.chain() + " is still referenced by a rule (CHAIN_DEL failed: Device or resource busy)",
          "delete the rules that jump to " + cmd.chain() + " first");
      return false;
    }
    if (!chain.rules.isEmpty()) {
      IptablesRules.reportAt(out, IptablesRules.BAD_COMMAND, cw, "Chain " + cmd.chain() + " is not empty (iptables: Directory not empty)", "flush it with -F " + cmd.chain() + " first");
      return false;
    }
    chains.remove(cmd.chain());
    return true;
  }

  private boolean renameChain(Command cmd, Map<String, ChainState> chains, ChainState chain, Findings out) {
    Word cw = cmd.chainWord();
    if (chain == null || chain.builtin && !chain.present) {
      return noSuchChain(cmd, out);
    }
    String newName = cmd.args().get(0);
    if (chains.containsKey(newName)) {
      IptablesRules.reportAt(out, IptablesRules.BAD_COMMAND, cw, "File exists: chain " + newName + " already exists", null);
      return false;
    }
    ChainState moved = chain;
    if (chain.builtin) {
      IptablesRules.reportAt(out, IptablesRules.LAZY_CHAIN, cw,
          "-E renames the built-in chain " + cmd.chain() + " under iptables-nft (iptables-legacy refuses), and " + cmd.chain() + " is created afresh on its next use",
          "rename user chains only");
      moved = new ChainState(false);
      moved.rules.addAll(chain.rules);
      chain.rules.clear();
      chain.present = false;
      chains.put(newName, moved);
      graph(cmd.table()).rename(cmd.chain(), newName);
      return true;
    }
    Map<String, ChainState> renamed = new LinkedHashMap<>();
    chains.forEach((k, v) -> renamed.put(k.equals(cmd.chain()) ? newName : k, v));
    chains.clear();
    chains.putAll(renamed);
    graph(cmd.table()).rename(cmd.chain(), newName);
    return true;
  }

  private boolean policy(Command cmd, ChainState chain, Findings out) {
    Word cw = cmd.chainWord();
    String policy = cmd.args().get(0);
    if (chain == null || !chain.builtin) {
      IptablesRules.reportAt(out, IptablesRules.BAD_POLICY, cw, "Bad built-in chain name",
          chain == null ? builtinsHint(cmd) : "only built-in chains have a policy; end " + cmd.chain() + " with a rule such as -A " + cmd.chain() + " -j DROP instead");
      return false;
    }
    Word pw = cmd.argWords().isEmpty() ? cmd.at() : cmd.argWords().get(0);
    if (pw.variable()) {
      chain.present = true;
      return true;
    }
    if (!policy.equals("ACCEPT") && !policy.equals("DROP")) {
      String upper = policy.toUpperCase(Locale.ROOT);
      IptablesRules.reportAt(out, IptablesRules.BAD_POLICY, pw, "Bad policy name `" + policy + "': a chain policy can only be ACCEPT or DROP",
          upper.equals("ACCEPT") || upper.equals("DROP") ? "policy names are upper case: " + upper
              : "REJECT and other targets work in rules only: end the chain with -A " + cmd.chain() + " -j " + policy);
      return false;
    }
    if (policy.equals("DROP") && cmd.table().equals("nat")) {
      IptablesRules.reportAt(out, IptablesRules.BAD_POLICY, pw, "The \"nat\" table is not intended for filtering, the use of DROP is therefore inhibited.",
          "set the DROP policy on the filter table's chains");
      return false;
    }
    chain.present = true;
    chain.policy = policy;
    chain.policyLine = cw.line();
    return true;
  }

  private String builtinsHint(Command cmd) {
    return "the built-in chains of " + cmd.table() + " are " + String.join(", ", Tables.BUILTIN.get(cmd.table()));
  }

  private boolean applyRule(Command cmd, Map<String, ChainState> chains, ChainState chain, Findings out) {
    Word cw = cmd.chainWord();
    Rule rule = cmd.rule();
    if (chain == null) {
      return noSuchChain(cmd, out);
    }
    if (rule != null && rule.target() != null && !checkJump(cmd, rule, chains, out)) {
      return false;
    }
    int size = chain.rules.size();
    switch (cmd.kind()) {
      case APPEND -> {
        if (closesLoop(cmd, rule, chains, out)) {
          return false;
        }
        addRule(cmd, chain, size, rule);
      }
      case INSERT -> {
        int n = cmd.ruleNumber() == 0 ? 1 : cmd.ruleNumber();
        if (n > size + 1) {
          IptablesRules.reportAt(out, IptablesRules.BAD_COMMAND, cw, "Index of insertion too big: " + cmd.chain() + " has " + size + " rule" + (size == 1 ? "" : "s") + " at this point",
              "insert at a position from 1 to " + (size + 1) + ", or append with -A");
          return false;
        }
        if (closesLoop(cmd, rule, chains, out)) {
          return false;
        }
        addRule(cmd, chain, n - 1, rule);
      }
      case REPLACE, DELETE -> {
        if (cmd.ruleNumber() > 0) {
          if (cmd.ruleNumber() > size) {
            IptablesRules.reportAt(out, IptablesRules.BAD_COMMAND, cw, "Index of " + (cmd.kind() == Command.Kind.DELETE ? "deletion" : "replacement") + " too big: "
                + cmd.chain() + " has " + size + " rule" + (size == 1 ? "" : "s") + " at this point", null);
            return false;
          }
          if (cmd.kind() == Command.Kind.REPLACE && closesLoop(cmd, rule, chains, out)) {
            return false;
          }
          removeRule(cmd, chain, cmd.ruleNumber() - 1);
          if (cmd.kind() == Command.Kind.REPLACE) {
            addRule(cmd, chain, cmd.ruleNumber() - 1, rule);
          }
        } else {
          int idx = indexOf(chain, rule);
          if (idx < 0) {
            IptablesRules.reportAt(out, IptablesRules.BAD_COMMAND, cmd.at(), "Bad rule (does a matching rule exist in that chain?)",
                "-D with a rule deletes an identical rule added earlier; none matches in " + cmd.chain());
            return false;
          }
          removeRule(cmd, chain, idx);
        }
      }
      case CHECK -> {
        if (indexOf(chain, rule) < 0) {
          // not an error: `iptables -C ... || iptables -A ...` relies on this exit status
          IptablesRules.reportAt(out, IptablesRules.CHECK_FAILS, cmd.at(), "iptables -C exits with status 1 here: " + cmd.chain() + " has no such rule at this point", null);
          return false;
        }
      }
      default -> { }
    }
    return true;
  }

  private static int indexOf(ChainState chain, Rule rule) {
    String key = RuleFormatter.canonical(rule);
    for (int i = 0; i < chain.rules.size(); i++) {
      if (RuleFormatter.canonical(chain.rules.get(i)).equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private void addRule(Command cmd, ChainState chain, int index, Rule rule) {
    chain.rules.add(index, rule);
    chain.present = true;
    String target = userChainTarget(rule, table(cmd.table()));
    if (target != null) {
      graph(cmd.table()).add(cmd.chain(), target);
    }
  }

  private void removeRule(Command cmd, ChainState chain, int index) {
    Rule removed = chain.rules.remove(index);
    String target = userChainTarget(removed, table(cmd.table()));
    if (target != null) {
      graph(cmd.table()).remove(cmd.chain(), target);
    }
  }

  private static String userChainTarget(Rule rule, Map<String, ChainState> chains) {
    if (rule == null || rule.target() == null || rule.target().at().variable()) {
      return null;
    }
    ChainState c = chains.get(rule.target().name());
    return c != null && !c.builtin ? rule.target().name() : null;
  }

  /** The kernel's loop check: a jump may not make a loop of chains reachable from a built-in chain. */
  private boolean closesLoop(Command cmd, Rule rule, Map<String, ChainState> chains, Findings out) {
    String target = userChainTarget(rule, chains);
    if (target == null) {
      return false;
    }
    Set<String> builtins = new LinkedHashSet<>(Tables.BUILTIN.get(cmd.table()));
    List<String> loop = graph(cmd.table()).loopThrough(cmd.chain(), target, builtins);
    if (loop.isEmpty()) {
      return false;
    }
    String op = cmd.kind() == Command.Kind.INSERT ? "RULE_INSERT" : cmd.kind() == Command.Kind.REPLACE ? "RULE_REPLACE" : "RULE_APPEND";
    IptablesRules.reportAt(out, IptablesRules.JUMP_LOOP, rule.target().at(),
        "this jump makes the loop " + String.join(" -> ", loop) + " reachable from a built-in chain, which the kernel refuses ("
            + op + " failed (Too many links))",
        "break the loop: end one of the chains with -j RETURN instead of jumping back");
    return true;
  }

  private boolean checkJump(Command cmd, Rule rule, Map<String, ChainState> chains, Findings out) {
    String t = rule.target().name();
    Word tw = rule.target().at();
    if (tw.variable() || Extensions.ALL_TARGET_NAMES.contains(t) || Extensions.VERDICTS.contains(t)) {
      return true;
    }
    ChainState target = chains.get(t);
    if (target != null && !target.builtin) {
      return true;
    }
    if (target != null) {
      IptablesRules.reportAt(out, IptablesRules.UNKNOWN_CHAIN, tw, "cannot jump to the built-in chain " + t + " (iptables only says: RULE_APPEND failed (Operation not supported))",
          "only user chains created with -N can be jump targets");
      return false;
    }
    IptablesRules.reportAt(out, IptablesRules.UNKNOWN_CHAIN, tw, "Chain '" + t + "' does not exist", TargetSuggestions.hint(t, cmd.table(), chains.keySet()));
    return false;
  }

  private boolean notCreatedYet(Command cmd, Findings out, String what) {
    IptablesRules.reportAt(out, IptablesRules.LAZY_CHAIN, cmd.chainWord(),
        "No chain/target/match by that name: iptables-nft creates the built-in chain " + cmd.chain() + " of " + cmd.table()
            + " when a rule, a policy or -F first uses it, so on a host where nothing has, -" + cmd.kind().letter() + " cannot " + what,
        "run it after the rules that use " + cmd.chain() + ", or give no chain to act on every chain there is");
    return false;
  }

  private boolean noSuchChain(Command cmd, Findings out) {
    String table = cmd.table();
    String chain = cmd.chain();
    String where = null;
    for (String t : List.of("filter", "nat", "mangle", "raw", "security")) {
      if (Tables.isBuiltin(t, chain)) {
        where = t;
        break;
      }
    }
    String hint;
    if (Tables.isBuiltin(table, chain)) {
      hint = chain + " is a built-in chain that nothing has created yet (iptables-nft creates it on first use)";
    } else if (where != null) {
      hint = "the " + table + " table has no " + chain + " chain (its built-in chains are " + String.join(", ", Tables.BUILTIN.get(table))
          + "); " + chain + " exists in " + (where.equals("filter") ? "the filter table" : "-t " + where);
    } else if (Tables.isBuiltin(table, chain.toUpperCase(Locale.ROOT))) {
      hint = "chain names are case-sensitive: " + chain.toUpperCase(Locale.ROOT);
    } else {
      hint = "create it first with iptables" + (table.equals("filter") ? "" : " -t " + table) + " -N " + chain
          + ", or mark the snippet that creates it scope=article";
    }
    IptablesRules.reportAt(out, IptablesRules.UNKNOWN_CHAIN, cmd.chainWord(), "No chain/target/match by that name: chain " + chain + " does not exist in table " + table, hint);
    return false;
  }

  private static String chainNameProblem(String name) {
    if (name.length() > 28) {
      return "chain name `" + name + "' too long (must be under 29 chars)";
    }
    if (name.startsWith("-") || name.startsWith("!")) {
      return "chain name may not start with `" + name.charAt(0) + "'";
    }
    if (Extensions.TARGETS.containsKey(name) || Extensions.VERDICTS.contains(name)) {
      return "chain name `" + name + "' not allowed: it is the name of a target";
    }
    if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
      return "Invalid chain name `" + name + "'";
    }
    return null;
  }

  Ruleset toRuleset() {
    Map<String, Map<String, Chain>> out = new LinkedHashMap<>();
    tables.forEach((t, chains) -> {
      Map<String, Chain> m = new LinkedHashMap<>();
      chains.forEach((name, c) -> m.put(name, new Chain(name, c.builtin, c.policy, c.policyLine, c.rules)));
      out.put(t, m);
    });
    return new Ruleset(family, out);
  }
}
