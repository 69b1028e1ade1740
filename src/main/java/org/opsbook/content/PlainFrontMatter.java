package org.opsbook.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Set;

/**
 * Reads the front matter nearly every article has, without the YAML library: one {@code key:
 * value} line per key, where a value is a quoted string, a date, a word or words, or a list of such
 * items in brackets or on {@code - } lines. For that shape it gives the very tree the YAML library
 * gives; for anything else, or anything it is not sure of, it gives {@code null} and the library
 * reads the text, with its errors and their lines.
 *
 * <p>Why: the YAML library builds a scanner, a parser and a resolver for every file, and that was
 * a thirtieth of a large build's processor time for a few lines each.
 *
 * <p>The rules are narrower than YAML's on purpose. A plain value must start with a letter or '/', and must
 * not be one of the words YAML reads as a boolean or null; numbers, comments, escapes, tabs, keys
 * given twice and every indicator character go to the library.
 */
final class PlainFrontMatter {
  /** Plain words that YAML 1.1 or 1.2 reads as something other than a string, in lower case. */
  private static final Set<String> NOT_STRINGS = Set.of("true", "false", "yes", "no", "y", "n", "on", "off", "null");

  private PlainFrontMatter() {}

  /** The mapping the YAML library would read from {@code yaml}, or {@code null} when not sure. */
  static ObjectNode read(String yaml) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    int at = 0;
    int length = yaml.length();
    while (at < length) {
      int end = lineEnd(yaml, at);
      if (isBlank(yaml, at, end)) {
        at = end + 1;
        continue;
      }
      int colon = keyEnd(yaml, at, end);
      if (colon < 0) {
        return null;
      }
      String key = yaml.substring(at, colon);
      if (root.has(key) || NOT_STRINGS.contains(key)) {
        return null; // a key given twice is the library's error to report
      }
      int value = colon + 1;
      while (value < end && yaml.charAt(value) == ' ') {
        value++;
      }
      if (value == colon + 1 && value < end) {
        return null; // "key:value" is one plain word to YAML, not a key
      }
      int valueEnd = trimEnd(yaml, value, end);
      at = end + 1;
      if (value < valueEnd) {
        JsonNode node = yaml.charAt(value) == '[' ? flowList(yaml, value, valueEnd) : scalar(yaml, value, valueEnd);
        if (node == null) {
          return null;
        }
        root.set(key, node);
        continue;
      }
      // "key:" alone: a list on the lines below, each "- item" at one indentation.
      ArrayNode items = root.arrayNode();
      int indent = -1;
      while (at < length) {
        int itemEnd = lineEnd(yaml, at);
        int dash = at;
        while (dash < itemEnd && yaml.charAt(dash) == ' ') {
          dash++;
        }
        if (dash == itemEnd || yaml.charAt(dash) != '-') {
          break;
        }
        if (indent >= 0 && dash - at != indent || dash + 2 >= itemEnd || yaml.charAt(dash + 1) != ' ') {
          return null;
        }
        indent = dash - at;
        int item = dash + 2;
        while (item < itemEnd && yaml.charAt(item) == ' ') {
          item++;
        }
        TextNode text = scalar(yaml, item, trimEnd(yaml, item, itemEnd));
        if (text == null) {
          return null;
        }
        items.add(text);
        at = itemEnd + 1;
      }
      if (items.isEmpty()) {
        return null; // an empty value: null to YAML, left to the library
      }
      root.set(key, items);
    }
    return root;
  }

  /** {@code [a, b]}: plain words or quoted strings, separated by commas. */
  private static ArrayNode flowList(String yaml, int start, int end) {
    if (yaml.charAt(end - 1) != ']') {
      return null;
    }
    ArrayNode items = JsonNodeFactory.instance.arrayNode();
    int at = skipSpaces(yaml, start + 1, end - 1);
    if (at == end - 1) {
      return items;
    }
    while (true) {
      int itemEnd = at;
      char first = yaml.charAt(at);
      if (first == '"' || first == '\'') {
        itemEnd = yaml.indexOf(first, at + 1);
        if (itemEnd < 0 || itemEnd >= end - 1) {
          return null;
        }
        itemEnd++;
      } else {
        while (itemEnd < end - 1 && yaml.charAt(itemEnd) != ',') {
          itemEnd++;
        }
        itemEnd = trimEnd(yaml, at, itemEnd);
      }
      TextNode item = scalar(yaml, at, itemEnd);
      if (item == null || !item.textValue().equals(item.textValue().strip()) || flowIndicator(item.textValue(), first)) {
        return null;
      }
      items.add(item);
      at = skipSpaces(yaml, itemEnd, end - 1);
      if (at == end - 1) {
        return items;
      }
      if (yaml.charAt(at) != ',') {
        return null;
      }
      at = skipSpaces(yaml, at + 1, end - 1);
      if (at == end - 1) {
        return null; // "[a, ]": left to the library
      }
    }
  }

  /** Flow lists end their items at ',', '[', ']', '{' and '}': a plain item must hold none of them. */
  private static boolean flowIndicator(String text, char first) {
    if (first == '"' || first == '\'') {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}') {
        return true;
      }
    }
    return false;
  }

  /** One value: quoted without escapes, a date, or plain words that start with a letter. */
  private static TextNode scalar(String yaml, int start, int end) {
    if (start >= end) {
      return null;
    }
    char first = yaml.charAt(start);
    if (first == '"' || first == '\'') {
      if (end - start < 2 || yaml.charAt(end - 1) != first) {
        return null;
      }
      for (int i = start + 1; i < end - 1; i++) {
        char c = yaml.charAt(i);
        if (c == first || c == '\\' || !printable(c)) {
          return null;
        }
      }
      return JsonNodeFactory.instance.textNode(yaml.substring(start + 1, end - 1));
    }
    if (isDate(yaml, start, end)) {
      return JsonNodeFactory.instance.textNode(yaml.substring(start, end));
    }
    if (!isAsciiLetter(first) && first != '/') {
      return null;
    }
    for (int i = start + 1; i < end; i++) {
      char c = yaml.charAt(i);
      boolean allowed = isAsciiLetter(c) || c >= '0' && c <= '9' || c == ' ' || c == '-' || c == '.' || c == '_' || c == '/'
          || c == '(' || c == ')' || c == ',' || c == '\'' || c == '!' || c == '?' || c == '+';
      if (!allowed) {
        return null;
      }
    }
    String text = yaml.substring(start, end);
    if (NOT_STRINGS.contains(text.toLowerCase(java.util.Locale.ROOT))) {
      return null;
    }
    return JsonNodeFactory.instance.textNode(text);
  }

  /** YYYY-MM-DD: YAML 1.1 would call it a timestamp, and the library reads it as a string. */
  private static boolean isDate(String yaml, int start, int end) {
    if (end - start != 10 || yaml.charAt(start + 4) != '-' || yaml.charAt(start + 7) != '-') {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = yaml.charAt(i);
      if ((c < '0' || c > '9') && i != start + 4 && i != start + 7) {
        return false;
      }
    }
    return true;
  }

  /**
   * Characters YAML allows in a quoted string without an escape and does not read as a line break
   * (YAML 1.1 counts U+2028 and U+2029 as breaks, and folds them), less a few it is safer to leave
   * to the library: the byte order mark and surrogates.
   */
  private static boolean printable(char c) {
    return c >= 0x20 && c <= 0x7E || c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029
        || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF;
  }

  /** The end of a key at the start of a line: letters, digits, '_' and '-', then ':'; or -1. */
  private static int keyEnd(String yaml, int start, int end) {
    if (!isAsciiLetter(yaml.charAt(start)) && yaml.charAt(start) != '_') {
      return -1;
    }
    for (int i = start + 1; i < end; i++) {
      char c = yaml.charAt(i);
      if (c == ':') {
        return i;
      }
      if (!isAsciiLetter(c) && (c < '0' || c > '9') && c != '_' && c != '-') {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static int lineEnd(String yaml, int from) {
    int nl = yaml.indexOf('\n', from);
    return nl < 0 ? yaml.length() : nl;
  }

  private static boolean isBlank(String yaml, int start, int end) {
    for (int i = start; i < end; i++) {
      if (yaml.charAt(i) != ' ') {
        return false;
      }
    }
    return true;
  }

  private static int trimEnd(String yaml, int start, int end) {
    while (end > start && yaml.charAt(end - 1) == ' ') {
      end--;
    }
    return end;
  }

  private static int skipSpaces(String yaml, int from, int end) {
    while (from < end && yaml.charAt(from) == ' ') {
      from++;
    }
    return from;
  }
}
