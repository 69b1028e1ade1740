package org.opsbook.checker.sshd.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.checker.sshd.model.Arg;

class LineLexerTest {

  private static List<String> texts(List<Arg> args) {
    return args.stream().map(Arg::text).toList();
  }

  @Test
  void splitsKeywordFromValueOnWhiteSpace() {
    LexedLine l = LineLexer.lex("PermitRootLogin no");
    assertEquals("PermitRootLogin", l.keyword());
    assertEquals(1, l.keywordColumn());
    assertEquals(List.of("no"), texts(l.args()));
    assertEquals(17, l.args().get(0).column());
  }

  @Test
  void acceptsTheThreeEqualsForms() {
    for (String line : List.of("Port=2222", "Port = 2222", "Port =2222", "Port= 2222")) {
      LexedLine l = LineLexer.lex(line);
      assertEquals("Port", l.keyword(), line);
      assertEquals(List.of("2222"), texts(l.args()), line);
    }
  }

  @Test
  void skipsOnlyOneEqualsSign() {
    assertEquals(List.of("=22"), texts(LineLexer.lex("Port==22").args()));
  }

  @Test
  void treatsBlankAndCommentLinesAsBlank() {
    assertTrue(LineLexer.lex("").isBlank());
    assertTrue(LineLexer.lex("   \t").isBlank());
    assertTrue(LineLexer.lex("# PermitRootLogin yes").isBlank());
    assertTrue(LineLexer.lex("   #indented").isBlank());
  }

  @Test
  void dropsCarriageReturnsOfCrlfFiles() {
    LexedLine l = LineLexer.lex("PasswordAuthentication no\r");
    assertEquals(List.of("no"), texts(l.args()));
  }

  @Test
  void endsArgumentsAtAWordStartingWithHash() {
    assertEquals(List.of("22"), texts(LineLexer.lex("Port 22 # ssh").args()));
    assertEquals(List.of("22#x"), texts(LineLexer.lex("Port 22#x").args()));
  }

  @Test
  void honoursQuotesAndEscapes() {
    assertEquals(List.of("/etc/issue net"), texts(LineLexer.lex("Banner \"/etc/issue net\"").args()));
    assertEquals(List.of("it's"), texts(LineLexer.lex("ForceCommand 'it'\\''s'").args()));
    assertEquals(List.of("a b", "\"c\""), texts(LineLexer.lex("SetEnv a\\ b \\\"c\\\"").args()));
  }

  @Test
  void reportsAnUnclosedQuoteAsNoArguments() {
    assertNull(LineLexer.lex("Banner \"/etc/issue").args());
  }

  @Test
  void keepsTheRawRestForForceCommand() {
    LexedLine l = LineLexer.lex("ForceCommand   internal-sftp -d /upload # note");
    assertEquals("internal-sftp -d /upload # note", l.rest());
    assertEquals(16, l.restColumn());
  }

  @Test
  void readsMatchWordsSplittingOnEquals() {
    assertEquals(List.of("User", "alice", "Address", "192.0.2.0/24"),
        texts(LineLexer.matchWords("User=alice Address 192.0.2.0/24", 7)));
    assertEquals(List.of("User", "al ice"), texts(LineLexer.matchWords("User \"al ice\"", 7)));
  }
}
