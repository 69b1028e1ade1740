package org.opsbook.maintenance.page;

import java.util.List;
import java.util.Map;

/** A YAML value that remembers the 1-based line it starts on in the Markdown file. */
sealed interface YamlNode {
  int line();

  /** A plain value; {@code null} text means YAML null. */
  record Scalar(String text, boolean quoted, int line) implements YamlNode {}

  record Sequence(List<YamlNode> items, int line) implements YamlNode {}

  /** A mapping in source order; each key remembers its own line. */
  record Mapping(Map<String, Entry> entries, int line) implements YamlNode {}

  record Entry(String key, int keyLine, YamlNode value) {}

  default String kind() {
    if (this instanceof Sequence) {
      return "a list";
    }
    if (this instanceof Mapping) {
      return "a mapping";
    }
    return "a value";
  }
}
