package org.opsbook.checker.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WildcardPatternTest {

  @Test
  void starMatchesAnyRunAndQuestionMarkExactlyOneCharacter() {
    assertTrue(WildcardPattern.matches("web01.example.org", "web*.example.org"));
    assertTrue(WildcardPattern.matches("web01", "web??"));
    assertFalse(WildcardPattern.matches("web1", "web??"));
    assertTrue(WildcardPattern.matches("", "*"));
  }

  @Test
  void patternMustCoverTheWholeString() {
    assertFalse(WildcardPattern.matches("web01.example.org", "web01"));
    assertFalse(WildcardPattern.matches("web01", "web01.example.org"));
  }

  @Test
  void matchingNegatedEntryVetoesTheList() {
    assertEquals(1, WildcardPattern.matchList("alice", "bob,a*", false));
    assertEquals(-1, WildcardPattern.matchList("alice", "a*,!alice", false));
    assertEquals(0, WildcardPattern.matchList("carol", "a*,!alice", false));
  }

  @Test
  void lowerCasesPatternsButNotTheSubject() {
    assertEquals(1, WildcardPattern.matchList("bastion", "BASTION", true));
    assertEquals(0, WildcardPattern.matchList("Bastion", "BASTION", true));
    assertEquals(0, WildcardPattern.matchList("bastion", "BASTION", false));
  }
}
