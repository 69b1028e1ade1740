package org.opsbook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionTest {
  private static final List<String> VERDICTS = List.of("ACCEPT", "DROP", "RETURN", "QUEUE", "REJECT", "LOG");

  @Test
  void countsASwapOfTwoNeighboursAsOneEdit() {
    assertEquals(1, Suggestion.distance("ACCPET", "ACCEPT"));
    assertEquals(1, Suggestion.distance("DORP", "DROP"));
    assertEquals(3, Suggestion.distance("kitten", "sitting"));
    assertEquals(0, Suggestion.distance("", ""));
    assertEquals(3, Suggestion.distance("", "abc"));
  }

  @Test
  void suggestsTheNearestCandidateOnlyWhenItIsCloseForTheWordsLength() {
    assertEquals(Optional.of("ACCEPT"), Suggestion.closest("ACCPET", VERDICTS, 2));
    assertEquals(Optional.of("DROP"), Suggestion.closest("DRP", VERDICTS, 2));
    assertEquals(Optional.of("REJECT"), Suggestion.closest("REJCT", VERDICTS, 2));
    assertEquals(Optional.empty(), Suggestion.closest("SSH", VERDICTS, 2));
    assertEquals(Optional.empty(), Suggestion.closest("LOGDROP", VERDICTS, 2));
    assertEquals(Optional.empty(), Suggestion.closest("ACCPET", List.of(), 2));
  }
}
