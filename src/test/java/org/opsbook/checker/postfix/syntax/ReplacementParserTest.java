package org.opsbook.checker.postfix.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbook.checker.postfix.model.Replacement;

class ReplacementParserTest {
  @Test
  void splitsLiteralsAndGroupsInAllThreeForms() {
    var r = ReplacementParser.parse("a $1 ${2}b $(3) $$4");
    assertEquals(
        List.of(new Replacement.Literal("a "), new Replacement.Group(1), new Replacement.Literal(" "),
            new Replacement.Group(2), new Replacement.Literal("b "), new Replacement.Group(3),
            new Replacement.Literal(" $4")),
        r.replacement().parts());
    assertEquals(3, r.replacement().maxGroup());
  }

  @ParameterizedTest
  @ValueSource(strings = {"costs $ 5", "$", "$name", "$1a", "${1", "$0", "${ 1}"})
  void refusesWhatMacParseRefuses(String text) {
    assertFalse(ReplacementParser.parse(text).ok(), text);
  }
}
