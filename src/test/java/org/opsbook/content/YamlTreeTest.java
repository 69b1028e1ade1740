package org.opsbook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link YamlTree} must give databind's tree for every text: the same nodes of the same types in
 * the same order, or the same failure. databind's reader is the reference; only the builds stopped
 * paying for its set-up.
 */
class YamlTreeTest {
  private static final ObjectMapper DATABIND =
      new ObjectMapper(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  @ParameterizedTest
  @ValueSource(strings = {
      "", "# only a comment\n", "---\n", "~\n", "null\n", "x\n", "42\n", "[]\n", "{}\n",
      "a: 1\nb: 2147483648\nc: 9223372036854775808\nd: -17\ne: 0x1F\nf: 0o17\ng: 1_000\n",
      "a: 1.5\nb: 1e400\nc: .inf\nd: -.Inf\ne: .nan\nf: 0.1000\ng: 6.02e23\nh: 1.\n",
      "a: yes\nb: No\nc: on\nd: off\ne: true\nf: FALSE\ng: ~\nh: null\ni:\n",
      "date: 2026-01-01\ntime: 2026-01-01T10:00:00Z\nversion: 9.10\nport: \"22\"\n",
      "bin: !!binary aGVsbG8=\nstr: !!str 12\nint: !!int \"7\"\nfloat: !!float 1\n",
      "base: &b {x: 1, y: [1, 2]}\ncopy: *b\nmerged:\n  <<: *b\n  z: 3\n",
      "list:\n  - a\n  - - b\n    - c\n  - {d: e}\n  -\n  - null\n",
      "text: |\n  two\n  lines\nfolded: >\n  one\n  line\nquoted: 'it''s'\nescaped: \"a\\tb\\u00e9\"\n",
      "? complex\n: key\n\"quoted key\": v\n1: numeric key\ntrue: boolean key\n",
      "first: 1\n---\nsecond: 2\n",
      "deep: [[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]\n",
      "title: x\ntitle: y\n", "a: [1, 2\n", "a: {b: c\n", "a: *missing\n", "\t- x\n", "a: b: c\n",
      "key: \"unterminated\n", "- a\nb: c\n", "%YAML 1.1\n---\na: 1\n", "!!map {a: 1}\n",
  })
  void givesDatabindsTreeOrItsFailure(String yaml) {
    assertSameAsDatabind(yaml);
  }

  @Test
  void readsEveryConfigurationAndFrontMatterOfTheProjectAsDatabindDoes() throws IOException {
    List<String> texts = new ArrayList<>();
    for (Path root : List.of(Path.of("content"), Path.of("src", "test", "resources"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
          String name = file.getFileName().toString();
          if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            texts.add(Files.readString(file));
          } else if (name.endsWith(".md")) {
            String text = Files.readString(file);
            int end = text.indexOf("\n---", 3);
            if (text.startsWith("---\n") && end > 0) {
              texts.add(text.substring(4, end + 1));
            }
          }
        }
      }
    }
    texts.add(Files.readString(Path.of("opsbook.yaml")));
    assertTrue(texts.size() >= 30, "the project's YAML is found: " + texts.size());
    texts.forEach(YamlTreeTest::assertSameAsDatabind);
  }

  @Test
  void randomDocumentsAndTheirMutationsAreReadAsDatabindReadsThem() {
    Random random = new Random(20261205);
    for (int i = 0; i < 1500; i++) {
      StringBuilder doc = new StringBuilder();
      mapping(random, doc, 0, 3);
      String yaml = doc.toString();
      assertSameAsDatabind(yaml);
      assertSameAsDatabind(mutate(random, yaml));
    }
  }

  @Test
  void nestingBeyondTheParsersLimitIsItsErrorNotAStackOverflow() {
    String deep = "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    assertSameAsDatabind(deep);
    assertThrows(JsonProcessingException.class, () -> YamlTree.read(deep));
  }

  @Test
  void theKeyOrderIsTheTextsOrder() throws IOException {
    JsonNode tree = YamlTree.read("zeta: 1\nalpha: 2\nmid: 3\n");
    List<String> keys = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      keys.add(it.next().getKey());
    }
    assertEquals(List.of("zeta", "alpha", "mid"), keys);
  }

  private static void assertSameAsDatabind(String yaml) {
    JsonNode expected;
    Exception expectedFailure = null;
    try {
      JsonNode read = DATABIND.readTree(DATABIND.createParser(yaml));
      expected = read == null ? MissingNode.getInstance() : read;
    } catch (IOException | RuntimeException e) {
      expected = null;
      expectedFailure = e;
    }
    try {
      JsonNode actual = YamlTree.read(yaml);
      if (expectedFailure != null) {
        throw new AssertionError("databind failed (" + expectedFailure + ") where YamlTree read " + actual + ":\n" + yaml);
      }
      assertEquals(expected, actual, yaml);
      assertSameTypes(expected, actual, yaml);
    } catch (IOException | RuntimeException e) {
      if (expectedFailure == null) {
        throw new AssertionError("YamlTree failed (" + e + ") where databind read " + expected + ":\n" + yaml, e);
      }
      assertEquals(expectedFailure.getClass(), e.getClass(), yaml);
      assertEquals(expectedFailure.getMessage(), e.getMessage(), yaml);
    }
  }

  /** equals() already compares most node types; this also holds for numbers that compare equal across types. */
  private static void assertSameTypes(JsonNode expected, JsonNode actual, String yaml) {
    assertEquals(expected.getClass(), actual.getClass(), yaml);
    Iterator<JsonNode> e = expected.elements();
    Iterator<JsonNode> a = actual.elements();
    while (e.hasNext() && a.hasNext()) {
      assertSameTypes(e.next(), a.next(), yaml);
    }
  }

  private static final String[] SCALARS = {
      "x", "\"quoted: value\"", "'single'", "12", "-3", "99999999999", "123456789012345678901234567890", "1.25",
      "1e3", ".inf", ".NaN", "true", "no", "~", "null", "2026-12-05", "0x10", "!!binary aGk=", "\"\"", "a b c",
  };

  private static void mapping(Random random, StringBuilder out, int indent, int depth) {
    int keys = 1 + random.nextInt(4);
    for (int k = 0; k < keys; k++) {
      out.append(" ".repeat(indent)).append("k").append(k).append(random.nextInt(3)).append(':');
      value(random, out, indent, depth);
    }
  }

  private static void value(Random random, StringBuilder out, int indent, int depth) {
    int kind = depth == 0 ? 0 : random.nextInt(5);
    switch (kind) {
      case 1 -> {
        out.append('\n');
        mapping(random, out, indent + 2, depth - 1);
      }
      case 2 -> {
        out.append('\n');
        int items = 1 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
          out.append(" ".repeat(indent + 2)).append("-");
          value(random, out, indent + 4, depth - 1);
        }
      }
      case 3 -> {
        out.append(" [");
        int items = random.nextInt(4);
        for (int i = 0; i < items; i++) {
          out.append(i > 0 ? ", " : "").append(SCALARS[random.nextInt(SCALARS.length)]);
        }
        out.append("]\n");
      }
      default -> out.append(' ').append(SCALARS[random.nextInt(SCALARS.length)]).append('\n');
    }
  }

  private static String mutate(Random random, String yaml) {
    StringBuilder s = new StringBuilder(yaml);
    String pieces = ":-[]{},'\"&*!|># \n\t?";
    for (int i = 0; i < 1 + random.nextInt(3); i++) {
      int at = random.nextInt(s.length() + 1);
      if (random.nextBoolean() && at < s.length()) {
        s.deleteCharAt(at);
      } else {
        s.insert(at, pieces.charAt(random.nextInt(pieces.length())));
      }
    }
    return s.toString();
  }
}
