package org.opsbook.snippet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestCase;
import org.opsbook.diag.Diagnostic;

class TestBlockParserTest {

  private static TestBlockParser.Result parse(String text) {
    return TestBlockParser.parse(Snippet.of("test", text, "a.md", Map.of("for", "x")));
  }

  @Test
  void readsOneCasePerLineWithPositions() {
    TestBlockParser.Result r = parse("user=alice => permitrootlogin no\n\n# a comment\nuser=bob=>x => y z\n");
    List<TestCase> cases = r.block().cases();
    assertEquals(List.of(), r.problems());
    assertEquals(2, cases.size());
    assertEquals("user=alice", cases.get(0).question());
    assertEquals("permitrootlogin no", cases.get(0).expected());
    assertEquals("a.md:1:1", cases.get(0).where().toString());
    assertEquals("a.md:1:15", cases.get(0).expectedAt().toString());
    // the arrow is the first => after white space, so a question may contain a=>b
    assertEquals("user=bob=>x", cases.get(1).question());
    assertEquals("y z", cases.get(1).expected());
  }

  @Test
  void keepsIndentedContinuationsOfQuestionAndAnswer() {
    TestBlockParser.Result r = parse("""
        Received: from laptop (unknown [198.51.100.23])
        \tby relay.example.org
        => REPLACE Received: from [127.0.0.1]
                by relay.example.org
        Subject: hi
          there => no match
        X-Mailer: a =>
            IGNORE
        """);
    assertEquals(List.of(), r.problems());
    List<TestCase> cases = r.block().cases();
    assertEquals(3, cases.size());
    assertEquals("Received: from laptop (unknown [198.51.100.23])\n\tby relay.example.org", cases.get(0).question());
    assertEquals("REPLACE Received: from [127.0.0.1]\n        by relay.example.org", cases.get(0).expected());
    assertEquals("a.md:3:4", cases.get(0).expectedAt().toString());
    assertEquals("Subject: hi\n  there", cases.get(1).question());
    assertEquals("no match", cases.get(1).expected());
    assertEquals("IGNORE", cases.get(2).expected());
    assertEquals("a.md:8:5", cases.get(2).expectedAt().toString());
    // the first line is 47 characters and its line break the 48th: offset 50 is the third column of line 2
    assertEquals("a.md:2:3", cases.get(0).questionAt(50).toString());
  }

  @Test
  void reportsEveryLineItCannotReadAtThatLine() {
    TestBlockParser.Result r = parse("  indented first\nno arrow here\n=> orphan? no: follows a case without answer\n"
        + "q =>   \n\n=> alone\n");
    List<String> found = r.problems().stream().map(d -> d.where().line() + " " + d.message()).toList();
    assertEquals(List.of(
        "1 an indented line continues a test case, but no case comes before it",
        "4 the expected answer after => is empty",
        "6 => needs a question before it"), found);
    assertEquals(1, r.block().cases().size());
    assertEquals("no arrow here", r.block().cases().get(0).question());
    r.problems().forEach(d -> assertEquals("opsbook.test-syntax", d.rule().value()));
  }

  @Test
  void aCaseWithoutAnswerIsAnError() {
    List<Diagnostic> problems = parse("user=alice\n").problems();
    assertEquals(1, problems.size());
    assertEquals("a.md:1:1", problems.get(0).where().toString());
  }
}
