package org.opsbook.maintenance.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

/** Typed access to front-matter fields that reports a wrong type at the field's line. */
final class Fields {
  static final String BAD_VALUE = "maintenance.bad-value";
  private final String file;
  private final YamlNode.Mapping mapping;
  private final List<Diagnostic> diagnostics;

  Fields(String file, YamlNode.Mapping mapping, List<Diagnostic> diagnostics) {
    this.file = file;
    this.mapping = mapping;
    this.diagnostics = diagnostics;
  }

  Optional<String> string(String key) {
    YamlNode.Entry entry = mapping.entries().get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.value() instanceof YamlNode.Scalar scalar) {
      return Optional.ofNullable(scalar.text());
    }
    fail(key, "'" + key + "' must be a single value, not " + entry.value().kind(), null);
    return Optional.empty();
  }

  Optional<Integer> integer(String key, int min, int max) {
    return string(key).flatMap(text -> {
      if (text.matches("-?[0-9]{1,9}")) {
        int value = Integer.parseInt(text);
        if (value >= min && value <= max) {
          return Optional.of(value);
        }
      }
      fail(key, "'" + key + "' must be a whole number from " + min + " to " + max + ", not '" + text + "'", null);
      return Optional.empty();
    });
  }

  Optional<Boolean> bool(String key) {
    return string(key).flatMap(text -> {
      if (text.equals("true") || text.equals("false")) {
        return Optional.of(Boolean.valueOf(text));
      }
      fail(key, "'" + key + "' must be true or false, not '" + text + "'", null);
      return Optional.empty();
    });
  }

  Optional<String> matching(String key, Pattern shape, String expected) {
    return string(key).filter(text -> {
      if (shape.matcher(text).matches()) {
        return true;
      }
      fail(key, "'" + key + "' must be " + expected + ", not '" + text + "'", null);
      return false;
    });
  }

  /** The items of a list field; a single value is accepted as a one-item list. */
  List<YamlNode.Scalar> list(String key) {
    YamlNode.Entry entry = mapping.entries().get(key);
    List<YamlNode.Scalar> items = new ArrayList<>();
    if (entry == null) {
      return items;
    }
    if (entry.value() instanceof YamlNode.Scalar scalar) {
      if (scalar.text() != null) {
        items.add(scalar);
      }
      return items;
    }
    if (entry.value() instanceof YamlNode.Sequence sequence) {
      for (YamlNode item : sequence.items()) {
        if (item instanceof YamlNode.Scalar scalar) {
          items.add(scalar);
        } else {
          failAt(item.line(), key, "each item of '" + key + "' must be a single value, not " + item.kind(), null);
        }
      }
      return items;
    }
    fail(key, "'" + key + "' must be a list, not " + entry.value().kind(), null);
    return items;
  }

  void fail(String key, String message, String hint) {
    failAt(lineOf(key), key, message, hint);
  }

  void failAt(int line, String key, String message, String hint) {
    diagnostics.add(Diagnostic.error(new SourceSpan(file, line, 1), BAD_VALUE, message).withHint(hint));
  }

  void warn(String key, String message, String hint) {
    diagnostics.add(Diagnostic.warning(new SourceSpan(file, lineOf(key), 1), BAD_VALUE, message).withHint(hint));
  }

  private int lineOf(String key) {
    YamlNode.Entry entry = mapping.entries().get(key);
    return entry == null ? mapping.line() : entry.keyLine();
  }
}
