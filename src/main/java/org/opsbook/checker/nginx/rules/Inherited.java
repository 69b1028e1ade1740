package org.opsbook.checker.nginx.rules;

import java.util.List;
import org.opsbook.checker.nginx.model.Directive;

/**
 * Array-valued directives such as {@code add_header} and {@code proxy_set_header} merge all or
 * nothing: a block with none of them takes its parent's, a block with one takes none of its
 * parent's (nginx: the merge functions of ngx_http_headers_filter_module.c and
 * ngx_http_proxy_module.c). Pure functions.
 */
final class Inherited {
  private Inherited() {}

  /** The directives named {@code name} in effect in {@code block} given its enclosing blocks. */
  static List<Directive> effective(String name, Directive block, List<Directive> ancestors) {
    List<Directive> own = block.children(name);
    if (!own.isEmpty()) {
      return own;
    }
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      List<Directive> up = ancestors.get(i).children(name);
      if (!up.isEmpty()) {
        return up;
      }
    }
    return List.of();
  }

  /** The nearest enclosing block that has a {@code name} of its own, or null. */
  static Directive nearest(String name, List<Directive> ancestors) {
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      if (!ancestors.get(i).children(name).isEmpty()) {
        return ancestors.get(i);
      }
    }
    return null;
  }
}
