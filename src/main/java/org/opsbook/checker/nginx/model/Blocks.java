package org.opsbook.checker.nginx.model;

import java.util.ArrayList;
import java.util.List;

/** Walks a directive tree with each directive's chain of enclosing blocks. Pure functions. */
public final class Blocks {
  private Blocks() {}

  /** What a visit sees: the directive and its enclosing blocks, outermost first. */
  public interface Visitor {
    void visit(Directive directive, List<Directive> ancestors);
  }

  public static void walk(List<Directive> top, Visitor visitor) {
    walk(top, new ArrayList<>(), visitor);
  }

  private static void walk(List<Directive> directives, List<Directive> chain, Visitor visitor) {
    // Iterative over siblings, recursive over depth; depth is bounded by what the parser produced,
    // which callers cap (see Depth).
    for (Directive d : directives) {
      visitor.visit(d, List.copyOf(chain));
      if (d.isBlock() && chain.size() < MAX_DEPTH) {
        chain.add(d);
        walk(d.block(), chain, visitor);
        chain.remove(chain.size() - 1);
      }
    }
  }

  /** Deeper nesting than this is never real nginx configuration; walks stop there. */
  public static final int MAX_DEPTH = 64;

  /** The location's modifier and URI: {@code ["=", "/x"]}, {@code ["", "/"]}, {@code ["~*", "\.php$"]}. */
  public static String[] location(Directive d) {
    if (d.args().size() == 2) {
      return new String[] {d.arg(0), d.arg(1)};
    }
    String v = d.arg(0);
    for (String mod : new String[] {"=", "^~", "~*", "~"}) {
      if (v.startsWith(mod)) {
        return new String[] {mod, v.substring(mod.length())};
      }
    }
    return new String[] {"", v};
  }
}
