package org.opsbook.checker.nginx.catalogue;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of nginx's command tables: a directive of one module.
 *
 * @param name the directive's name
 * @param module the module that provides it
 * @param contexts where it may stand; empty with {@code anywhere} for {@code include}
 * @param anywhere NGX_ANY_CONF: allowed in every context
 * @param counts the argument counts it takes (NGX_CONF_NOARGS, TAKE1 ... TAKE7); empty when
 *     {@code minimum} or {@code anyCount} say it
 * @param minimum for NGX_CONF_1MORE and 2MORE, the least number of arguments; 0 otherwise
 * @param flag NGX_CONF_FLAG: exactly one argument
 * @param anyCount NGX_CONF_ANY: any number of arguments
 * @param block whether it opens a block ({@code name args { ... }})
 * @param kind the setter's value kind: {@code flag}, {@code num}, {@code size}, {@code off},
 *     {@code msec}, {@code sec}, {@code str}, {@code strs}, {@code keyval}, {@code bufs},
 *     {@code path}, {@code access}, {@code enum}, {@code bitmask}, or {@code custom:HANDLER}
 * @param values for {@code enum} and {@code bitmask}, the accepted words
 * @param low for a {@code num} with bounds, the least value; {@link Long#MIN_VALUE} otherwise
 * @param high for a {@code num} with bounds, the greatest value, or -1 for no upper bound
 * @param deprecatedFor for a deprecated directive, what replaces it; empty otherwise
 */
public record DirectiveSpec(String name, Module module, Set<Context> contexts, boolean anywhere, Set<Integer> counts,
    int minimum, boolean flag, boolean anyCount, boolean block, String kind, List<String> values, long low, long high,
    String deprecatedFor) {

  public DirectiveSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(module, "module");
    contexts = Set.copyOf(contexts);
    counts = Set.copyOf(counts);
    values = List.copyOf(values);
  }

  public boolean allowedIn(Context context) {
    return anywhere || contexts.contains(context);
  }

  /** nginx: ngx_conf_handler()'s argument count check. */
  public boolean acceptsCount(int n) {
    if (anyCount) {
      return true;
    }
    if (flag) {
      return n == 1;
    }
    if (minimum > 0) {
      return n >= minimum;
    }
    return n <= 7 && counts.contains(n);
  }

  /** Whether the setter refuses a second occurrence in the same block ("is duplicate"). */
  public boolean isSingleValued() {
    return switch (baseKind()) {
      case "flag", "num", "size", "off", "msec", "sec", "str", "bufs", "path", "enum", "access" -> true;
      default -> false;
    };
  }

  /** The kind without the {@code +post} mark of a setter whose post handler checks more. */
  public String baseKind() {
    int plus = kind.indexOf('+');
    return plus < 0 ? kind : kind.substring(0, plus);
  }

  public boolean isCustom() {
    return kind.startsWith("custom:");
  }
}
