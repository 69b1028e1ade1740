package org.opsbook.checker.iptables.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.Locale;
import java.util.Map;
import org.opsbook.checker.iptables.model.Chain;
import org.opsbook.checker.iptables.model.Command;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.model.RuleFormatter;
import org.opsbook.checker.iptables.model.Ruleset;
import org.opsbook.checker.iptables.model.Word;

/**
 * Applies parsed commands in order to a model of the kernel's tables, reporting what the kernel
 * refuses given the earlier commands: a missing chain, a policy on a user chain, a rule number
 * past the end, deleting a chain that is still used.
 */
final class RulesetAssembler {
  private static final class ChainState {
    final boolean builtin;
    String policy;
    int policyLine;
    final List<Rule> rules = new ArrayList<>();

    ChainState(boolean builtin) {
      this.builtin = builtin;
      this.policy = builtin ? "ACCEPT" : null;
    }
  }

  private final Map<String, Map<String, ChainState>> tables = new LinkedHashMap<>();
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

  /** Declares a user chain without checks, as a save file's {@code :NAME - [0:0]} line does. */
  void declare(String table, String chain) {
    table(table).putIfAbsent(chain, new ChainState(false));
  }

  /** Sets a built-in chain's policy from a save file. */
  void policy(String table, String chain, String policy, int line) {
    ChainState c = table(table).get(chain);
    if (c != null && c.builtin) {
      c.policy = policy;
      c.policyLine = line;
    }
  }

  /** Empties every chain of a table, as iptables-restore does for each {@code *table} it loads. */
  void flushTable(String table) {
    table(table).values().forEach(c -> c.rules.clear());
  }

  boolean hasChain(String table, String chain) {
    return table(table).containsKey(chain);
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
    switch (cmd.kind()) {
      case NEW_CHAIN -> {
        if (unknownChainName) {
          return true;
        }
        if (chain != null) {
          out.error("iptables.bad-command", cw, "Chain already exists",
              chain.builtin ? cmd.chain() + " is a built-in chain of the " + cmd.table() + " table" : "chain " + cmd.chain() + " was created earlier; -N it once, or flush it with -F");
          return false;
        }
        String bad = chainNameProblem(cmd.chain());
        if (bad != null) {
          out.error("iptables.bad-value", cw, bad, "user chain names are up to 28 characters and may not be target names");
          return false;
        }
        chains.put(cmd.chain(), new ChainState(false));
        return true;
      }
      case FLUSH, ZERO, LIST, LIST_RULES, DELETE_CHAIN -> {
        if (cmd.chain() == null) {
          if (cmd.kind() == Command.Kind.FLUSH) {
            chains.values().forEach(c -> c.rules.clear());
          } else if (cmd.kind() == Command.Kind.DELETE_CHAIN) {
            chains.values().removeIf(c -> !c.builtin && c.rules.isEmpty());
          }
          return true;
        }
        if (chain == null && !unknownChainName) {
          return noSuchChain(cmd, out);
        }
        if (chain == null) {
          return true;
        }
        if (cmd.kind() == Command.Kind.FLUSH) {
          chain.rules.clear();
        } else if (cmd.kind() == Command.Kind.DELETE_CHAIN) {
          if (chain.builtin) {
            out.error("iptables.bad-command", cw, "Can't delete built-in chain " + cmd.chain(), "-X deletes user chains; flush a built-in chain with -F");
            return false;
          }
          if (referenced(cmd.chain(), chains)) {
            out.error("iptables.bad-command", cw, "Chain " + cmd.chain() + " is still referenced by a rule (iptables: Too many links)",
                "delete the rules that jump to " + cmd.chain() + " first");
            return false;
          }
          if (!chain.rules.isEmpty()) {
            out.error("iptables.bad-command", cw, "Chain " + cmd.chain() + " is not empty (iptables: Directory not empty)", "flush it with -F " + cmd.chain() + " first");
            return false;
          }
          chains.remove(cmd.chain());
        }
        return true;
      }
      case RENAME_CHAIN -> {
        if (unknownChainName) {
          return true;
        }
        if (chain == null || chain.builtin) {
          return noSuchChain(cmd, out);
        }
        String newName = cmd.args().get(0);
        if (chains.containsKey(newName)) {
          out.error("iptables.bad-command", cw, "File exists: chain " + newName + " already exists", null);
          return false;
        }
        Map<String, ChainState> renamed = new LinkedHashMap<>();
        chains.forEach((k, v) -> renamed.put(k.equals(cmd.chain()) ? newName : k, v));
        chains.clear();
        chains.putAll(renamed);
        return true;
      }
      case POLICY -> {
        String policy = cmd.args().get(0);
        if (unknownChainName) {
          return true;
        }
        if (chain == null || !chain.builtin) {
          out.error("iptables.bad-policy", cw, "Bad built-in chain name",
              chain == null ? builtinsHint(cmd) : "only built-in chains have a policy; end " + cmd.chain() + " with a rule such as -A " + cmd.chain() + " -j DROP instead");
          return false;
        }
        if (!policy.equals("ACCEPT") && !policy.equals("DROP")) {
          Word pw = cmd.argWords().isEmpty() ? cmd.at() : cmd.argWords().get(0);
          String upper = policy.toUpperCase(Locale.ROOT);
          out.error("iptables.bad-policy", pw, "Bad policy name `" + policy + "': a chain policy can only be ACCEPT or DROP",
              upper.equals("ACCEPT") || upper.equals("DROP") ? "policy names are upper case: " + upper
                  : "REJECT and other targets work in rules only: end the chain with -A " + cmd.chain() + " -j " + policy);
          return false;
        }
        if (policy.equals("DROP") && cmd.table().equals("nat")) {
          out.error("iptables.bad-policy", cmd.argWords().isEmpty() ? cmd.at() : cmd.argWords().get(0), "The \"nat\" table is not intended for filtering, the use of DROP is therefore inhibited.",
              "set the DROP policy on the filter table's chains");
          return false;
        }
        chain.policy = policy;
        chain.policyLine = cw.line();
        return true;
      }
      default -> {
        return applyRule(cmd, chains, chain, out);
      }
    }
  }

  private String builtinsHint(Command cmd) {
    return "the built-in chains of " + cmd.table() + " are " + String.join(", ", Tables.BUILTIN.get(cmd.table()));
  }

  private boolean applyRule(Command cmd, Map<String, ChainState> chains, ChainState chain, Findings out) {
    Word cw = cmd.chainWord();
    if (chain == null) {
      if (cw != null && cw.variable()) {
        return true;
      }
      return noSuchChain(cmd, out);
    }
    Rule rule = cmd.rule();
    if (rule != null && rule.target() != null && !checkJump(cmd, rule, chains, out)) {
      return false;
    }
    int size = chain.rules.size();
    switch (cmd.kind()) {
      case APPEND -> chain.rules.add(rule);
      case INSERT -> {
        int n = cmd.ruleNumber() == 0 ? 1 : cmd.ruleNumber();
        if (n > size + 1) {
          out.error("iptables.bad-command", cw, "Index of insertion too big: " + cmd.chain() + " has " + size + " rule" + (size == 1 ? "" : "s") + " at this point",
              "insert at a position from 1 to " + (size + 1) + ", or append with -A");
          return false;
        }
        chain.rules.add(n - 1, rule);
      }
      case REPLACE, DELETE -> {
        if (cmd.ruleNumber() > 0) {
          if (cmd.ruleNumber() > size) {
            out.error("iptables.bad-command", cw, "Index of " + (cmd.kind() == Command.Kind.DELETE ? "deletion" : "replacement") + " too big: "
                + cmd.chain() + " has " + size + " rule" + (size == 1 ? "" : "s") + " at this point", null);
            return false;
          }
          if (cmd.kind() == Command.Kind.DELETE) {
            chain.rules.remove(cmd.ruleNumber() - 1);
          } else {
            chain.rules.set(cmd.ruleNumber() - 1, rule);
          }
        } else {
          String key = RuleFormatter.canonical(rule);
          int idx = -1;
          for (int i = 0; i < size; i++) {
            if (RuleFormatter.canonical(chain.rules.get(i)).equals(key)) {
              idx = i;
              break;
            }
          }
          if (idx < 0) {
            out.error("iptables.bad-command", cmd.at(), "Bad rule (does a matching rule exist in that chain?)",
                "-D with a rule deletes an identical rule added earlier; none matches in " + cmd.chain());
            return false;
          }
          chain.rules.remove(idx);
        }
      }
      case CHECK -> {
        String key = RuleFormatter.canonical(rule);
        if (chain.rules.stream().noneMatch(r -> RuleFormatter.canonical(r).equals(key))) {
          // not an error: `iptables -C ... || iptables -A ...` relies on this exit status
          out.info("iptables.check-fails", cmd.at(), "iptables -C exits with status 1 here: " + cmd.chain() + " has no such rule at this point", null);
          return false;
        }
      }
      default -> { }
    }
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
    String upper = t.toUpperCase(Locale.ROOT);
    String hint;
    if (!upper.equals(t) && (Extensions.TARGETS.containsKey(upper) || Extensions.VERDICTS.contains(upper))) {
      hint = "targets are upper case: -j " + upper;
    } else if (target != null) {
      out.error("iptables.unknown-chain", tw, "cannot jump to the built-in chain " + t + " (iptables only says: RULE_APPEND failed (Operation not supported))",
          "only user chains created with -N can be jump targets");
      return false;
    } else {
      hint = "create the chain first with iptables" + (cmd.table().equals("filter") ? "" : " -t " + cmd.table()) + " -N " + t
          + ", or mark the snippet that creates it scope=article";
    }
    out.error("iptables.unknown-chain", tw, "Chain '" + t + "' does not exist", hint);
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
    if (where != null) {
      hint = "the " + table + " table has no " + chain + " chain (its built-in chains are " + String.join(", ", Tables.BUILTIN.get(table))
          + "); " + chain + " exists in " + (where.equals("filter") ? "the filter table" : "-t " + where);
    } else if (Tables.isBuiltin(table, chain.toUpperCase(Locale.ROOT))) {
      hint = "chain names are case-sensitive: " + chain.toUpperCase(Locale.ROOT);
    } else {
      hint = "create it first with iptables" + (table.equals("filter") ? "" : " -t " + table) + " -N " + chain
          + ", or mark the snippet that creates it scope=article";
    }
    out.error("iptables.unknown-chain", cmd.chainWord(), "No chain/target/match by that name: chain " + chain + " does not exist in table " + table, hint);
    return false;
  }

  private static boolean referenced(String chain, Map<String, ChainState> chains) {
    for (ChainState c : chains.values()) {
      for (Rule r : c.rules) {
        if (r.target() != null && (chain == null ? !c.builtin : r.target().name().equals(chain))) {
          return true;
        }
      }
    }
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
