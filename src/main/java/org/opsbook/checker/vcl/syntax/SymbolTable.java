package org.opsbook.checker.vcl.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * VCC's symbol table: a tree of dotted name components compared without regard to case, each node
 * holding the symbols of that name (possibly several, for different VCL versions). One per
 * compilation; not thread-safe.
 */
final class SymbolTable {
  /** One name component. */
  static final class Node {
    final String name;
    final Node parent;
    final Map<String, Node> children = new TreeMap<>();
    final List<Symbol> symbols = new ArrayList<>();

    Node(String name, Node parent) {
      this.name = name;
      this.parent = parent;
    }

    Node child(String component) {
      return children.computeIfAbsent(component.toLowerCase(Locale.ROOT), k -> new Node(component, this));
    }

    String path() {
      if (parent == null) {
        return "";
      }
      String p = parent.path();
      return p.isEmpty() ? name : p + "." + name;
    }
  }

  final Node root = new Node("", null);

  /** The node for a dotted name, made if missing. */
  Node node(String dotted) {
    Node n = root;
    for (String part : dotted.split("\\.", -1)) {
      n = n.child(part);
    }
    return n;
  }

  /** A new symbol (VCC_MkSym); never referenced symbols are not checked for use. */
  Symbol make(String dotted, Symbol.Kind kind, int low, int high) {
    Node n = node(dotted);
    Symbol s = new Symbol(n.name, n, kind, low, high);
    s.noref = true;
    n.symbols.add(s);
    return s;
  }

  /** Every symbol, depth first with children in name order, as VCC_WalkSymbols visits them. */
  void walk(Consumer<Symbol> visitor) {
    walk(root, visitor);
  }

  private static void walk(Node n, Consumer<Symbol> visitor) {
    for (Symbol s : List.copyOf(n.symbols)) {
      visitor.accept(s);
    }
    for (Node c : List.copyOf(n.children.values())) {
      walk(c, visitor);
    }
  }
}
