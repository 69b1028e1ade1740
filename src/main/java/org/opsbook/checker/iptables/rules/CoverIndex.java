package org.opsbook.checker.iptables.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opsbook.checker.iptables.model.Operand;
import org.opsbook.checker.iptables.model.OptionValue;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.sim.Addresses;

/**
 * The earlier rules of a chain, filed by what they require of a packet, so that finding the rules
 * that may cover a later one ({@link RuleCoverage#covers}) looks only where one could be instead of
 * at every earlier rule. Each rule is filed under one key per criterion (protocol, destination
 * port, source, destination, input and output interface): {@code *} when it has none, an exact
 * key when the criterion can be looked up, {@code ?} when it cannot (negations, ranges, lists,
 * host names, shell values). A later rule visits, for each criterion, {@code *}, {@code ?} and the
 * keys an earlier rule covering it must have: its own protocol and port, every network that
 * contains its address, its interface. The candidates found are only candidates: {@link
 * RuleCoverage#covers} decides. One per chain; not thread-safe.
 */
final class CoverIndex {
  private static final String ANY = "*";
  private static final String OTHER = "?";
  private static final int CRITERIA = 6;

  private final Node root = new Node();

  private static final class Node {
    final Map<String, Node> children = new HashMap<>();
    final List<Integer> positions = new ArrayList<>();
  }

  /** Files the rule at {@code position} of its chain. */
  void add(Rule rule, int position) {
    Node n = root;
    for (int c = 0; c < CRITERIA; c++) {
      n = n.children.computeIfAbsent(key(rule, c), k -> new Node());
    }
    n.positions.add(position);
  }

  /** The positions of earlier rules that may cover {@code later}, in no particular order. */
  List<Integer> candidates(Rule later) {
    List<Integer> out = new ArrayList<>();
    collect(root, 0, later, out);
    return out;
  }

  private void collect(Node n, int criterion, Rule later, List<Integer> out) {
    if (criterion == CRITERIA) {
      out.addAll(n.positions);
      return;
    }
    for (String k : lookups(later, criterion)) {
      Node child = n.children.get(k);
      if (child != null) {
        collect(child, criterion + 1, later, out);
      }
    }
  }

  /** The key an earlier rule is filed under for one criterion. */
  private static String key(Rule r, int criterion) {
    return switch (criterion) {
      case 0 -> operandKey(r.protocol(), "p:", false);
      case 1 -> portKey(r.matchOption("destination-port").orElse(null));
      case 2 -> addressKey(r.source());
      case 3 -> addressKey(r.destination());
      case 4 -> ifaceKey(r.inInterface());
      default -> ifaceKey(r.outInterface());
    };
  }

  /** The keys under which an earlier rule covering {@code later} may be filed, for one criterion. */
  private static List<String> lookups(Rule later, int criterion) {
    List<String> keys = new ArrayList<>(List.of(ANY, OTHER));
    switch (criterion) {
      case 0 -> addIfExact(keys, operandKey(later.protocol(), "p:", false));
      case 1 -> {
        OptionValue port = later.matchOption("destination-port").orElse(null);
        int[] range = port == null || port.negated() ? null : RuleCoverage.portRange(port.arg());
        if (range != null && range[0] == range[1]) {
          keys.add("d:" + range[0]);
        }
      }
      case 2 -> addNetworks(keys, later.source());
      case 3 -> addNetworks(keys, later.destination());
      case 4 -> addIfExact(keys, ifaceKey(later.inInterface()));
      default -> addIfExact(keys, ifaceKey(later.outInterface()));
    }
    return keys;
  }

  private static void addIfExact(List<String> keys, String key) {
    if (!key.equals(ANY) && !key.equals(OTHER)) {
      keys.add(key);
    }
  }

  private static String operandKey(Operand o, String prefix, boolean keepCase) {
    if (o == null) {
      return ANY;
    }
    if (o.negated() || o.value().equals("$")) {
      return OTHER;
    }
    return prefix + (keepCase ? o.value() : o.value().toLowerCase(Locale.ROOT));
  }

  private static String portKey(OptionValue port) {
    if (port == null) {
      return ANY;
    }
    int[] range = port.negated() ? null : RuleCoverage.portRange(port.arg());
    return range != null && range[0] == range[1] && !port.arg().contains(":") ? "d:" + range[0] : OTHER;
  }

  private static String ifaceKey(Operand o) {
    String k = operandKey(o, "i:", true);
    return k.endsWith("+") ? OTHER : k;
  }

  private static String addressKey(Operand o) {
    if (o == null) {
      return ANY;
    }
    long[] net = o.negated() || o.value().contains(",") ? null : Addresses.cidr(o.value());
    // a netmask such as 255.0.255.0 has no prefix length: such rules are compared one by one
    return net == null || net[1] != prefixMask(Long.bitCount(net[1])) ? OTHER : "a:" + net[0] + "/" + net[1];
  }

  /** Every network, of every prefix length, that contains the later rule's address or network. */
  private static void addNetworks(List<String> keys, Operand o) {
    long[] net = o == null || o.negated() || o.value().contains(",") ? null : Addresses.cidr(o.value());
    if (net == null) {
      return;
    }
    int bits = Long.bitCount(net[1]);
    boolean contiguous = net[1] == prefixMask(bits);
    for (int len = 0; len <= (contiguous ? bits : 32); len++) {
      long mask = prefixMask(len);
      if ((net[1] & mask) == mask) {
        keys.add("a:" + (net[0] & mask) + "/" + mask);
      }
    }
  }

  private static long prefixMask(int bits) {
    return bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
  }
}
