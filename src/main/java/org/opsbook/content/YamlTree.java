package org.opsbook.content;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads YAML ({@code opsbook.yaml}, front matter) into Jackson's tree with the YAML parser alone.
 * databind's {@code ObjectMapper.readTree} makes the same tree, node type for node type (a test
 * compares the two), but setting up an {@code ObjectMapper} class initialises databind's date
 * formats, type factory and locale data: 27 ms of the main thread before any article is read, a
 * twentieth of a one-article build.
 *
 * <p>A key given twice is an error: the parser would otherwise keep the last value without a
 * word. The tree is built without recursion, so no nesting can overflow the stack.
 */
public final class YamlTree {
  // Thread-safe once built, and costly to build: one for every reader.
  private static final YAMLFactory YAML = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private YamlTree() {}

  /** A parser over {@code text}, for callers that read tokens themselves. */
  public static JsonParser parser(String text) throws IOException {
    return YAML.createParser(text);
  }

  /**
   * The first document of {@code text} as a tree, or a missing node when the text holds none
   * (only comments, or nothing).
   *
   * @throws IOException the parser's own exceptions ({@code JsonProcessingException} for a syntax
   *     error, with its location)
   */
  public static JsonNode read(String text) throws IOException {
    try (JsonParser parser = parser(text)) {
      return read(parser);
    }
  }

  private static JsonNode read(JsonParser p) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    Deque<ContainerNode<?>> open = new ArrayDeque<>();
    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
      JsonNode node;
      switch (t) {
        case FIELD_NAME:
          continue;
        case END_OBJECT:
        case END_ARRAY:
          ContainerNode<?> done = open.pop();
          if (open.isEmpty()) {
            return done;
          }
          continue;
        case START_OBJECT:
          node = nodes.objectNode();
          break;
        case START_ARRAY:
          node = nodes.arrayNode();
          break;
        default:
          node = scalar(p, t, nodes);
      }
      if (open.isEmpty() && !node.isContainerNode()) {
        return node;
      }
      if (!open.isEmpty()) {
        // For a value in a mapping, including one that opens a container, the parser names its key.
        ContainerNode<?> parent = open.peek();
        if (parent instanceof ObjectNode object) {
          object.set(p.currentName(), node);
        } else {
          ((ArrayNode) parent).add(node);
        }
      }
      if (node.isContainerNode()) {
        open.push((ContainerNode<?>) node);
      }
    }
    return MissingNode.getInstance();
  }

  /** A scalar as databind's tree reader makes it, with its default features. */
  private static JsonNode scalar(JsonParser p, JsonToken t, JsonNodeFactory nodes) throws IOException {
    switch (t) {
      case VALUE_STRING:
        return nodes.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return nodes.numberNode(p.getIntValue());
          case LONG:
            return nodes.numberNode(p.getLongValue());
          default:
            return nodes.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        switch (p.getNumberTypeFP()) {
          case BIG_DECIMAL:
            return nodes.numberNode(p.getDecimalValue());
          case FLOAT32:
            return nodes.numberNode(p.getFloatValue());
          default:
            return nodes.numberNode(p.getDoubleValue());
        }
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_EMBEDDED_OBJECT:
        Object embedded = p.getEmbeddedObject();
        if (embedded == null) {
          return nodes.nullNode();
        }
        return embedded instanceof byte[] bytes ? nodes.binaryNode(bytes) : nodes.pojoNode(embedded);
      default:
        return nodes.nullNode();
    }
  }
}
