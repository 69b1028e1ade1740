package org.opsbook.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opsbook.content.YamlLocation;
import org.opsbook.content.YamlTree;

/**
 * Where each key of a YAML document is written, by its path ({@code /checkers/sshd/version}), so
 * an error about a value the tree reader has already taken apart still points at its line and
 * column, in block and flow style alike.
 */
final class KeyPositions {
  /** Line and column, both counted from 1. */
  record Position(int line, int column) {}

  private static final Position START = new Position(1, 1);
  private final Map<String, Position> positions;
  private final Map<String, String> scalars;

  private KeyPositions(Map<String, Position> positions, Map<String, String> scalars) {
    this.positions = positions;
    this.scalars = scalars;
  }

  /** Reads the keys of {@code text}; text that does not parse gives what was read before the problem. */
  static KeyPositions read(String text) {
    Map<String, Position> found = new HashMap<>();
    Map<String, String> scalars = new HashMap<>();
    YamlLocation.Locator locator = new YamlLocation.Locator(text);
    try (JsonParser parser = YamlTree.parser(text)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          YamlLocation at = locator.of(parser.currentTokenLocation());
          found.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), new Position(at.line(), at.column()));
        } else if (t.isScalarValue()) {
          scalars.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), parser.getText());
        }
      }
    } catch (IOException | RuntimeException e) {
      // Syntax errors, and the YAML library's own failures on hostile input, are reported by the
      // reader of the tree, with their own position; this pass only places what that reader read.
    }
    return new KeyPositions(found, scalars);
  }

  /** The position of the key at the end of {@code path}, or the start of the file when it is not written. */
  Position of(String... path) {
    return positions.getOrDefault(pointer(path), START);
  }

  /**
   * A scalar value as written, where the tree reader would have made it a number: a version
   * {@code 9.10} is not the number 9.1.
   */
  Optional<String> written(String... path) {
    return Optional.ofNullable(scalars.get(pointer(path)));
  }

  private static String pointer(String... path) {
    StringBuilder pointer = new StringBuilder();
    for (String segment : path) {
      pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
    }
    return pointer.toString();
  }
}
