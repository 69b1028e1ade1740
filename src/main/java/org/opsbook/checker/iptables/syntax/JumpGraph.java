package org.opsbook.checker.iptables.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which chain of one table jumps to which (by {@code -j} or {@code -g}), counted per pair so that
 * removing one of two equal rules keeps the edge. The graph has one node per chain, however many
 * rules there are, so the loop check the kernel makes on every rule costs a walk over chains, not
 * over rules. Not thread-safe; one per table of a replay.
 */
final class JumpGraph {
  private final Map<String, Map<String, Integer>> edges = new HashMap<>();

  void add(String from, String to) {
    edges.computeIfAbsent(from, k -> new TreeMap<>()).merge(to, 1, Integer::sum);
  }

  void remove(String from, String to) {
    Map<String, Integer> out = edges.get(from);
    if (out != null) {
      out.computeIfPresent(to, (k, n) -> n > 1 ? n - 1 : null);
    }
  }

  /** Forgets every jump out of a chain, as flushing it does. */
  void clear(String from) {
    edges.remove(from);
  }

  void rename(String from, String to) {
    Map<String, Integer> out = edges.remove(from);
    if (out != null) {
      edges.put(to, out);
    }
    for (Map<String, Integer> targets : edges.values()) {
      Integer n = targets.remove(from);
      if (n != null) {
        targets.merge(to, n, Integer::sum);
      }
    }
  }

  /** Whether any rule jumps to the chain. */
  boolean isTarget(String chain) {
    for (Map<String, Integer> targets : edges.values()) {
      if (targets.containsKey(chain)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The loop that a new jump {@code from -> to} would make reachable from a built-in chain, as
   * the chains along it ({@code [B, A, B]}), or an empty list when there is none. The graph holds
   * no reachable loop before (the kernel refused the rules that would have made one), so a new
   * one must run through the new jump: {@code from} must be reachable from a built-in chain, and
   * {@code to} must lead into a loop.
   */
  List<String> loopThrough(String from, String to, Set<String> builtins) {
    if (!reachable(from, builtins)) {
      return List.of();
    }
    add(from, to);
    try {
      return loopFrom(to);
    } finally {
      remove(from, to);
    }
  }

  private boolean reachable(String chain, Set<String> builtins) {
    if (builtins.contains(chain)) {
      return true;
    }
    Set<String> seen = new HashSet<>(builtins);
    Deque<String> todo = new ArrayDeque<>(builtins);
    while (!todo.isEmpty()) {
      for (String next : edges.getOrDefault(todo.pop(), Map.of()).keySet()) {
        if (next.equals(chain)) {
          return true;
        }
        if (seen.add(next)) {
          todo.push(next);
        }
      }
    }
    return false;
  }

  /** A cycle among the chains reachable from {@code start}, found by an iterative depth-first walk. */
  private List<String> loopFrom(String start) {
    Set<String> done = new HashSet<>();
    List<String> path = new ArrayList<>();
    Set<String> onPath = new HashSet<>();
    Deque<java.util.Iterator<String>> iterators = new ArrayDeque<>();
    path.add(start);
    onPath.add(start);
    iterators.push(edges.getOrDefault(start, Map.of()).keySet().iterator());
    while (!iterators.isEmpty()) {
      java.util.Iterator<String> it = iterators.peek();
      if (!it.hasNext()) {
        iterators.pop();
        String left = path.remove(path.size() - 1);
        onPath.remove(left);
        done.add(left);
        continue;
      }
      String next = it.next();
      if (onPath.contains(next)) {
        List<String> loop = new ArrayList<>(path.subList(path.indexOf(next), path.size()));
        loop.add(next);
        return loop;
      }
      if (!done.contains(next)) {
        path.add(next);
        onPath.add(next);
        iterators.push(edges.getOrDefault(next, Map.of()).keySet().iterator());
      }
    }
    return List.of();
  }
}
