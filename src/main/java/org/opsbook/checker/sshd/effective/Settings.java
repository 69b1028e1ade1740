package org.opsbook.checker.sshd.effective;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.checker.sshd.catalogue.Keyword;
import org.opsbook.checker.sshd.catalogue.KeywordCatalogue;
import org.opsbook.checker.sshd.catalogue.Multiplicity;
import org.opsbook.checker.sshd.model.Directive;

/**
 * The directives that set each option, keyed by the canonical lower-case keyword, collected with
 * sshd's rules: the first value wins for most keywords, the last for a few, and list keywords add
 * up. Mutable while one build runs; never shared.
 */
final class Settings {
  /** The slot for RekeyLimit's optional second argument. */
  static final String REKEY_INTERVAL = "rekeylimit interval";

  private final Map<String, List<Directive>> byKeyword = new TreeMap<>();

  void apply(Directive d) {
    Keyword kw = KeywordCatalogue.find(d.keyword()).orElse(null);
    if (kw == null) {
      return;
    }
    String key = kw.lowerName();
    List<Directive> list = byKeyword.computeIfAbsent(key, k -> new ArrayList<>());
    Multiplicity m = kw.multiplicity();
    if (key.equals("unusedconnectiontimeout") && d.firstValue().equalsIgnoreCase("none")) {
      // servconf.c: "none" is stored whenever the line is active, unlike a time value.
      list.clear();
      list.add(d);
      return;
    }
    if (key.equals("rekeylimit") && d.args().size() > 1 && !d.args().get(1).text().equals("none")) {
      // servconf.c: the byte limit and the interval are two options, each kept while unset.
      byKeyword.computeIfAbsent(REKEY_INTERVAL, k -> new ArrayList<>());
      if (byKeyword.get(REKEY_INTERVAL).isEmpty()) {
        byKeyword.get(REKEY_INTERVAL).add(d);
      }
    }
    switch (m) {
      case FIRST_WINS, STRUCTURAL -> {
        if (list.isEmpty()) {
          list.add(d);
        }
      }
      case LAST_WINS -> {
        list.clear();
        list.add(d);
      }
      case ACCUMULATES -> list.add(d);
    }
  }

  /** servconf.c copy_set_server_options(): options set in matching Match blocks replace the global ones. */
  void overlay(Settings matched) {
    for (Map.Entry<String, List<Directive>> e : matched.byKeyword.entrySet()) {
      if (!e.getValue().isEmpty()) {
        byKeyword.put(e.getKey(), new ArrayList<>(e.getValue()));
      }
    }
  }

  /** Forgets a keyword, as fill_default_server_options() clears "none" lists. */
  void clear(String lowerKeyword) {
    byKeyword.remove(lowerKeyword);
  }

  /** The directives for a keyword; empty when it was never set. */
  List<Directive> get(String lowerKeyword) {
    return Collections.unmodifiableList(byKeyword.getOrDefault(lowerKeyword, List.of()));
  }

  /** The first directive's first argument, or {@code null}. */
  String first(String lowerKeyword) {
    List<Directive> l = get(lowerKeyword);
    return l.isEmpty() ? null : l.get(0).firstValue();
  }
}
