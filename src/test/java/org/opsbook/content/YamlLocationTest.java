package org.opsbook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.io.ContentReference;
import org.junit.jupiter.api.Test;

class YamlLocationTest {
  /** A location as the YAML parser gives it: an offset in code points, and its own line and column. */
  private static JsonLocation at(long codePoints) {
    return new JsonLocation(ContentReference.unknown(), -1, codePoints, 99, 99);
  }

  @Test
  void countsCodePointsAsTheParserDoesAndLinesAtLineFeedsOnly() {
    String text = "t: \"\uD83D\uDE80\uD83D\uDE80\"\rx: 1\ny: 2\n";
    // "y" is the 14th code point (offset 13), the 16th char.
    assertEquals(new YamlLocation(2, 1), YamlLocation.of(text, at(13)));
    assertEquals(new YamlLocation(1, 10), YamlLocation.of(text, at(7)));
  }

  @Test
  void aLocatorPlacesLocationsInAnyOrder() {
    YamlLocation.Locator locator = new YamlLocation.Locator("a: 1\nb: 2\nc: 3\n");
    assertEquals(new YamlLocation(3, 1), locator.of(at(10)));
    assertEquals(new YamlLocation(2, 1), locator.of(at(5)));
    assertEquals(new YamlLocation(3, 3), locator.of(at(12)));
    assertEquals(new YamlLocation(1, 1), locator.of(null));
  }
}
