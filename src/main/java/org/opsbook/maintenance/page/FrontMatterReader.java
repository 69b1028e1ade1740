package org.opsbook.maintenance.page;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.content.YamlLocation;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

/**
 * Splits a Markdown file into YAML front matter and body, and reads the YAML into {@link YamlNode}s
 * that keep their line numbers, so a bad value is reported where the author wrote it. Jackson's
 * streaming parser is used because its tree model forgets locations.
 */
final class FrontMatterReader {
  static final String RULE = "maintenance.front-matter";
  private static final YAMLFactory YAML = new YAMLFactory();

  /** The parsed front matter (absent on error), the body and the body's first line. */
  record Split(Optional<YamlNode.Mapping> frontMatter, String body, int bodyLine) {}

  private FrontMatterReader() {}

  static Split read(String file, String text, List<Diagnostic> diagnostics) {
    String normalized = text.startsWith("\uFEFF") ? text.substring(1) : text;
    normalized = normalized.replace("\r\n", "\n");
    List<String> lines = List.of(normalized.split("\n", -1));
    if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
      diagnostics.add(
          Diagnostic.error(new SourceSpan(file, 1, 1), RULE, "the page has no front matter")
              .withHint("start the file with a line '---', the YAML fields (title, message, ...), and another '---'"));
      return new Split(Optional.empty(), normalized, 1);
    }
    int close = -1;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("---")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      diagnostics.add(
          Diagnostic.error(new SourceSpan(file, 1, 1), RULE, "the front matter is never closed")
              .withHint("add a line '---' after the last YAML field"));
      return new Split(Optional.empty(), "", lines.size());
    }
    String yaml = String.join("\n", lines.subList(1, close)) + "\n";
    String body = String.join("\n", lines.subList(close + 1, lines.size()));
    // Line 1 of the YAML text is line 2 of the file.
    Optional<YamlNode.Mapping> mapping = parse(file, yaml, 1, diagnostics);
    return new Split(mapping, body, close + 2);
  }

  private static Optional<YamlNode.Mapping> parse(String file, String yaml, int lineShift, List<Diagnostic> diagnostics) {
    if (yaml.isBlank()) {
      return Optional.of(new YamlNode.Mapping(Map.of(), 1 + lineShift));
    }
    YamlLocation.Locator at = new YamlLocation.Locator(yaml);
    try (JsonParser parser = YAML.createParser(yaml)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        diagnostics.add(
            Diagnostic.error(span(file, at, parser.currentTokenLocation(), lineShift), RULE,
                    "the front matter must be a YAML mapping of fields")
                .withHint("write one 'field: value' per line"));
        return Optional.empty();
      }
      YamlNode node = readValue(file, at, parser, lineShift, diagnostics);
      return Optional.of((YamlNode.Mapping) node);
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      String reason = e.getOriginalMessage().lines().findFirst().orElse("unreadable YAML");
      diagnostics.add(
          Diagnostic.error(span(file, at, where, lineShift), RULE, "the front matter is not valid YAML: " + reason)
              .withHint("check indentation and quote values that contain ': ' or start with a special character"));
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException("reading YAML from a string cannot fail with I/O", e);
    }
  }

  private static YamlNode readValue(String file, YamlLocation.Locator at, JsonParser parser, int lineShift,
      List<Diagnostic> diagnostics)
      throws IOException {
    int line = line(at, parser.currentTokenLocation(), lineShift);
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          int keyLine = line(at, parser.currentTokenLocation(), lineShift);
          parser.nextToken();
          YamlNode value = readValue(file, at, parser, lineShift, diagnostics);
          if (entries.containsKey(key)) {
            diagnostics.add(
                Diagnostic.error(new SourceSpan(file, keyLine, 1), RULE,
                        "field '" + key + "' is given twice (first on line " + entries.get(key).keyLine() + ")")
                    .withHint("keep one of them"));
            continue;
          }
          entries.put(key, new YamlNode.Entry(key, keyLine, value));
        }
        return new YamlNode.Mapping(entries, line);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(readValue(file, at, parser, lineShift, diagnostics));
        }
        return new YamlNode.Sequence(items, line);
      }
      case VALUE_NULL -> {
        return new YamlNode.Scalar(null, false, line);
      }
      default -> {
        // Jackson reports quoted scalars as strings and leaves timestamps as text, which is what we want.
        return new YamlNode.Scalar(parser.getText(), token == JsonToken.VALUE_STRING, line);
      }
    }
  }

  /** Lines and columns as opsbook counts them everywhere (see YamlLocation), not as the YAML parser does. */
  private static int line(YamlLocation.Locator at, JsonLocation location, int lineShift) {
    return at.of(location).line() + lineShift;
  }

  private static SourceSpan span(String file, YamlLocation.Locator at, JsonLocation location, int lineShift) {
    YamlLocation where = at.of(location);
    return new SourceSpan(file, where.line() + lineShift, where.column());
  }
}
