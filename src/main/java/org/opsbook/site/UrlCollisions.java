package org.opsbook.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import org.opsbook.check.CoreRules;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

/** Two sources, or an alias and a source, that would write the same page. */
final class UrlCollisions {
  private UrlCollisions() {}

  static List<Diagnostic> find(List<ProcessedArticle> published) {
    Map<String, ProcessedArticle> owners = new HashMap<>();
    for (ProcessedArticle p : published) {
      owners.put(p.article().sitePath(), p);
    }
    List<Diagnostic> out = new ArrayList<>();
    for (ProcessedArticle p : published) {
      for (String alias : p.meta().aliases()) {
        String path = alias.substring(1);
        String key = path.endsWith("/") || path.isEmpty() ? path : path + "/";
        ProcessedArticle owner = owners.putIfAbsent(key, p);
        if (owner != null && owner != p) {
          out.add(CoreRules.diagnostic(CoreRules.DUPLICATE_URL, new SourceSpan(p.article().source().displayPath(), 2, 1),
              "alias " + alias + " is already the address of " + owner.article().source().displayPath(),
              "remove the alias or move the other page"));
        }
      }
    }
    return out;
  }
}
