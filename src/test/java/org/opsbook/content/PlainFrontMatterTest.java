package org.opsbook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The front matter read without the YAML library must be the YAML library's tree, key order
 * included, whenever it is read at all; and the shapes articles use must be read.
 */
class PlainFrontMatterTest {
  private static final ObjectMapper YAML =
      new ObjectMapper(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  @ParameterizedTest
  @ValueSource(strings = {
      "title: \"Reverse SSH tunnels (revisited)\"\ndate: 2017-06-19\ntags:\n  - wireguard\n  - sshd\nsummary: \"Write it down.\"\n",
      "title: \"Hardening sshd: keys only\"\ndate: 2026-11-23\ntags: [ssh, security, openssh]\nsummary: \"A key-only sshd_config — for a bastion.\"\n",
      "title: Plain words, with a comma and it's fine\ndate: 2020-01-01\ntags: []\ndraft: \"true\"\n",
      "title: 'single quoted \"here\"'\naliases:\n- /old/path/\n- /older/\n",
      "title: x\n\n\nsummary:   spaced   \n",
  })
  void theUsualShapesAreReadAsTheLibraryReadsThem(String yaml) throws IOException {
    ObjectNode plain = PlainFrontMatter.read(yaml);
    assertNotNull(plain, yaml);
    assertSame(yaml, plain);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "title: yes\n", "title: No\n", "title: null\n", "title: 42\n", "title: 1.5\n", "title: x # comment\n",
      "title: \"a\\\"b\"\n", "title: a: b\n", "title: x\ntitle: y\n", "title:\n", "title: x\n  continued\n",
      "title: [a, ]\n", "title: [a, b] # c\n", "title: \"open\n", "title:x\n", "  title: x\n", "title: @x\n",
      "tags:\n  - a\n    - b\n", "title: \"tab\there\"\n", "title: ~\n", "title: 2020-1-01\n", "true: x\n",
      "title: [a, [b]]\n", "tags: {a: b}\n", "title: |\n  block\n", "title: &a x\n", "title: *a\n",
  })
  void anythingElseIsLeftToTheLibrary(String yaml) {
    assertNull(PlainFrontMatter.read(yaml), yaml);
  }

  @Test
  void theProjectsOwnArticlesAreReadWithoutTheLibrary() throws IOException {
    Path content = Path.of("content", "articles");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(content)) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    assertTrue(files.size() >= 10, "the project's articles are found");
    // The maintenance pages' front matter has numbers, booleans and URLs: the library reads those.
    int read = 0;
    for (Path file : files) {
      String text = Files.readString(file);
      if (!text.startsWith("---\n")) {
        continue;
      }
      String yaml = text.substring(4, text.indexOf("\n---", 3) + 1);
      ObjectNode plain = PlainFrontMatter.read(yaml);
      if (plain != null) {
        assertSame(yaml, plain);
        read++;
      }
    }
    assertEquals(files.size(), read, "articles read without the library");
  }

  /**
   * Random front matter from pieces that are each close to a rule's edge: quotes, escapes, indicators,
   * words YAML reads as booleans, numbers, indentation and characters YAML does not print.
   */
  @Test
  void randomFrontMatterIsEitherLeftAloneOrReadAsTheLibraryReadsIt() throws IOException {
    String[] keys = {"title", "date", "tags", "summary", "draft", "aliases", "x-y", "_k", "Yes", "k1"};
    String[] words = {"a", "ssh", "Yes", "no", "ON", "null", "Null", "true", "n", "y", "42", "0x1F", "1e5", ".inf",
        "2020-01-02", "2020-13-45", "9999-99-99", "it's", "a b", "a,b", "a:b", "a: b", "a #c", "a#c", "x!", "?x",
        "-x", "x-", "(x)", "a/b", "é", "caf\u00e9", "\u00a0", "\u0085", "\u2028", "\ufeff", "\ud83d\ude00", "\t", "a\tb",
        "[", "]", "{", "}", "&a", "*a", "!t", "|", ">", "%", "@", "`", "\"", "'", "\\", "~", "", " ", "+1", "A.B"};
    Random random = new Random(20261205);
    int read = 0;
    int agreed = 0;
    for (int round = 0; round < 20_000; round++) {
      StringBuilder yaml = new StringBuilder();
      int lines = 1 + random.nextInt(5);
      for (int i = 0; i < lines; i++) {
        yaml.append(random.nextInt(20) == 0 ? " " : "").append(keys[random.nextInt(keys.length)]);
        yaml.append(random.nextInt(20) == 0 ? ":" : ": ");
        switch (random.nextInt(6)) {
          case 0 -> yaml.append(value(random, words)).append(random.nextInt(10) == 0 ? "  " : "");
          case 1 -> yaml.append('"').append(value(random, words)).append(value(random, words)).append('"');
          case 2 -> yaml.append('\'').append(value(random, words)).append('\'');
          case 3 -> {
            yaml.append('[');
            int n = random.nextInt(4);
            for (int j = 0; j < n; j++) {
              yaml.append(j > 0 ? (random.nextBoolean() ? ", " : ",") : "").append(item(random, words));
            }
            yaml.append(random.nextInt(10) == 0 ? ", ]" : "]");
          }
          case 4 -> {
            int n = random.nextInt(4);
            String indent = random.nextBoolean() ? "  " : "";
            for (int j = 0; j < n; j++) {
              yaml.append('\n').append(random.nextInt(15) == 0 ? " " : indent).append("- ").append(item(random, words));
            }
          }
          default -> yaml.append(random.nextInt(3) == 0 ? "\n" : "").append(words[random.nextInt(words.length)]);
        }
        yaml.append(random.nextInt(15) == 0 ? "\n\n" : "\n");
      }
      String text = yaml.toString();
      ObjectNode plain = PlainFrontMatter.read(text);
      if (plain != null) {
        read++;
        assertSame(text, plain);
        agreed++;
      }
    }
    // Not a vacuous comparison: a good share of the inputs take the quick path.
    assertTrue(read > 2_000, read + " of 20,000 read without the library");
    assertEquals(read, agreed);
  }

  @Test
  void aDayIsReadAsLocalDateReadsIt() {
    Random random = new Random(5);
    String alphabet = "0123456789-+ x";
    for (int round = 0; round < 200_000; round++) {
      char[] chars = new char[10];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) ('0' + random.nextInt(10));
      }
      if (random.nextBoolean()) {
        chars[4] = '-';
        chars[7] = '-';
      }
      if (random.nextBoolean()) {
        chars[5] = random.nextBoolean() ? '0' : '1';
        chars[8] = (char) ('0' + random.nextInt(4));
      }
      String raw = new String(chars);
      LocalDate expected;
      try {
        expected = LocalDate.parse(raw);
      } catch (DateTimeException e) {
        expected = null;
      }
      LocalDate actual;
      try {
        actual = FrontMatterParser.day(raw);
      } catch (DateTimeException e) {
        actual = null;
      }
      assertEquals(expected, actual, raw);
    }
  }

  private static String value(Random random, String[] words) {
    StringBuilder b = new StringBuilder(words[random.nextInt(words.length)]);
    if (random.nextInt(3) == 0) {
      b.append(' ').append(words[random.nextInt(words.length)]);
    }
    return b.toString();
  }

  private static String item(Random random, String[] words) {
    return switch (random.nextInt(5)) {
      case 0 -> '"' + words[random.nextInt(words.length)] + '"';
      case 1 -> '\'' + words[random.nextInt(words.length)] + '\'';
      default -> words[random.nextInt(words.length)];
    };
  }

  /** The library's tree for {@code yaml}: equal, with the keys in the same order. */
  private static void assertSame(String yaml, ObjectNode plain) throws IOException {
    JsonNode library;
    try {
      library = YAML.readTree(yaml);
    } catch (IOException e) {
      fail("read a text the library refuses: " + yaml.replace("\n", "\\n") + " (" + e.getMessage() + ")");
      return;
    }
    if (library == null || library.isMissingNode() || library.isNull()) {
      assertEquals(0, plain.size(), yaml);
      return;
    }
    assertEquals(library, plain, yaml);
    assertEquals(library.toString(), plain.toString(), yaml);
  }
}
