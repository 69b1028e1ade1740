package org.opsbook.checker.nginx.rules;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.nginx.model.Blocks;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.NginxConfig;
import org.opsbook.checker.nginx.validate.Reporter;

/** An add_header in a block that silently drops headers its enclosing blocks add. */
public final class AddHeaderInheritanceRule implements Rule<NginxConfig> {
  @Override
  public RuleInfo info() {
    return NginxRules.ADD_HEADER_INHERITANCE;
  }

  @Override
  public void check(NginxConfig model, Findings findings) {
    Reporter report = new Reporter(findings);
    Blocks.walk(model.directives(), (d, ancestors) -> {
      if (!d.isBlock() || d.children("add_header").isEmpty()) {
        return;
      }
      Directive parent = Inherited.nearest("add_header", ancestors);
      if (parent == null) {
        return;
      }
      Set<String> own = names(d);
      Set<String> dropped = new TreeSet<>();
      for (Directive h : parent.children("add_header")) {
        String n = h.arg(0).toLowerCase(Locale.ROOT);
        if (!own.contains(n)) {
          dropped.add(h.arg(0));
        }
      }
      if (!dropped.isEmpty()) {
        Directive first = d.children("add_header").get(0);
        report.at(info(), first, "this add_header makes nginx drop the add_header directives of the enclosing "
            + parent.name() + " (line " + parent.line() + ") here: " + String.join(", ", dropped)
            + " will be missing from these responses",
            "repeat those headers in this block, or move this header up to the " + parent.name());
      }
    });
  }

  private static Set<String> names(Directive block) {
    Set<String> out = new TreeSet<>();
    for (Directive h : block.children("add_header")) {
      out.add(h.arg(0).toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
