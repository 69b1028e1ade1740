package org.opsbook.checker.vcl.model;

import java.util.List;
import org.opsbook.checker.vcl.catalogue.SubMethod;

/**
 * A subroutine with every body VCC joins under its name, in order: the author's definitions, then
 * the built-in VCL's. A custom subroutine has exactly one body.
 *
 * @param method the Varnish method it implements, or {@code null} for a custom subroutine
 * @param pos where the first definition is (the author's when there is one)
 */
public record SubDef(String name, SubMethod method, Pos pos, List<Stmt.Block> bodies) {
  public SubDef {
    bodies = List.copyOf(bodies);
  }

  /** The author's bodies only, without the built-in VCL's. */
  public List<Stmt.Block> authorsBodies() {
    return bodies.stream().filter(b -> b.pos().isAuthors()).toList();
  }
}
