package org.opsbook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The YAML mistakes writers make most are reported in opsbook's words and at the line of the
 * mistake, not in the parser's ("while parsing a flow sequence: expected ',' or ']', but got :").
 */
class YamlWordsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      title: x\\ntags: [a, b\\nsummary: y\\n | 3 | a list opened with '[' is not closed: ']' or a ',' is missing before this point
      a: {b: 1\\nc: 2\\n                  | 2 | a mapping opened with '{' is not closed: '}' or a ',' is missing before this point
      a: [\\n                             | 1 | a '[' or '{' is never closed
      a: ]\\n                             | 1 | a value cannot start with ']'; put the value in quotes
      title: Reload: not restart\\n       | 1 | a ': ' where no key may start: a value that contains ': ' needs quotes, and a key must line up with the keys above it
      title: x\\n\\tdate: y\\n            | 2 | a tab character: YAML indents with spaces only
      title: @admin\\n                    | 1 | a value cannot start with '@'; put the value in quotes
      title: "Reload\\ndate: 1\\n         | 1 | a quoted value is never closed
      title: x\\nsummary\\ndate: y\\n     | 3 | a line that is not 'key: value', or a continued value indented less than its key
      a:\\n  - b\\n c: d\\n               | 3 | this line does not line up with the keys above it: check its indentation
      - a\\nb: c\\n                       | 2 | this line does not line up with the list items above it: check its indentation
      """)
  void aCommonMistakeIsSaidInOpsbooksWordsAtItsLine(String yaml, int line, String words) {
    String text = yaml.strip().replace("\\n", "\n").replace("\\t", "\t");
    JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> YAML.readTree(text));
    assertEquals(words, YamlLocation.reason(e));
    assertEquals(line, YamlLocation.of(text, e).line(), "line");
  }
}
