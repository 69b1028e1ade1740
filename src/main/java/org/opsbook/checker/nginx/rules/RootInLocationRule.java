package org.opsbook.checker.nginx.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.nginx.model.Blocks;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.NginxConfig;
import org.opsbook.checker.nginx.validate.Reporter;

/**
 * A server without {@code root} whose {@code location /} sets one, or whose locations repeat the
 * same root: the server should carry it.
 */
public final class RootInLocationRule implements Rule<NginxConfig> {
  @Override
  public RuleInfo info() {
    return NginxRules.ROOT_IN_LOCATION;
  }

  @Override
  public void check(NginxConfig model, Findings findings) {
    Reporter report = new Reporter(findings);
    Blocks.walk(model.directives(), (d, ancestors) -> {
      if (!d.name().equals("server") || !d.isBlock() || !d.children("root").isEmpty()
          || ancestors.stream().anyMatch(a -> !a.children("root").isEmpty())) {
        return;
      }
      Map<String, List<Directive>> byRoot = new LinkedHashMap<>();
      Directive slashRoot = null;
      for (Directive loc : d.children("location")) {
        String[] l = Blocks.location(loc);
        if (l[1].startsWith("@")) {
          continue;
        }
        for (Directive root : loc.children("root")) {
          byRoot.computeIfAbsent(root.arg(0), k -> new ArrayList<>()).add(root);
          if (l[0].isEmpty() && l[1].equals("/")) {
            slashRoot = root;
          }
        }
      }
      for (Map.Entry<String, List<Directive>> e : byRoot.entrySet()) {
        if (e.getValue().size() >= 2) {
          report.at(info(), e.getValue().get(0), e.getValue().size() + " locations of this server set root "
              + e.getKey() + "; requests outside them use nginx's default root", "set root " + e.getKey()
              + "; once in the server and drop it from the locations");
          return;
        }
      }
      if (slashRoot != null) {
        report.at(info(), slashRoot, "root is set in location / only: other locations and error pages of this "
            + "server fall back to nginx's default root", "move root " + slashRoot.arg(0) + "; up to the server");
      }
    });
  }
}
