package org.opsbook.checker.apache.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opsbook.checker.apache.model.RewriteFlags;

class RewriteFlagParserTest {
  private static RewriteFlags flags(String field) {
    RewriteFlagParser.Rule r = new RewriteFlagParser.Rule();
    assertNull(RewriteFlagParser.rule(field, r), field);
    return r.build(false);
  }

  private static String error(String field) {
    return RewriteFlagParser.rule(field, new RewriteFlagParser.Rule());
  }

  @Test
  void longAndShortNamesAreTheSameFlag() {
    RewriteFlags f = flags("[redirect=permanent,last,nocase]");
    assertTrue(f.redirect() && f.last() && f.noCase());
    assertEquals(301, f.status());
  }

  @Test
  void spacesAroundFlagsAreTrimmed() {
    RewriteFlags f = flags("[ R=302 ,  L ]");
    assertEquals(302, f.status());
    assertTrue(f.last());
  }

  @Test
  void aNonRedirectStatusEndsTheRequest() {
    RewriteFlags f = flags("[R=503,L]");
    assertTrue(f.statusOnly() && f.noSubstitution());
    assertEquals(503, f.status());
  }

  @Test
  void refusalsAreMod_rewritesOwn() {
    assertEquals("unknown flag 'LL'", error("[R=301,LL]"));
    assertEquals("unknown flag ''", error("[L,,R]"));
    assertEquals("bad flag delimiters", error("R=301,L"));
    assertEquals("bad flag delimiters", error("[R=301,L"));
    assertEquals("invalid HTTP response code '399' for flag 'R'", error("[R=399]"));
    assertEquals("flag 'BNE' wants a list of characters (i.e. [BNE=...])", error("[BNE]"));
  }

  @Test
  void anyFlagStartingWithDIsTaken() {
    assertNull(error("[DX,L]"));
  }

  @Test
  void argumentsAreSplitAsParseArgLineSplitsThem() {
    RewriteChecks.Args a = RewriteChecks.split("\"^/with space/(.*)$\" /x [L]");
    assertEquals("^/with space/(.*)$", a.a1());
    assertEquals("/x", a.a2());
    assertEquals("[L]", a.a3());
    assertNull(RewriteChecks.split("^/only-one"));
  }

  @Test
  void argumentFormsCountWordsAsInvokeCmdDoes() {
    DirectiveSpec flag = DirectiveCatalogue.all("KeepAlive").get(0);
    assertTrue(ArgForms.check(flag, "On always").isEmpty(), "words after On are ignored");
    assertEquals("KeepAlive must be On or Off", ArgForms.check(flag, "yes").orElseThrow());
    DirectiveSpec take13 = new DirectiveSpec("x", "X", ArgForm.TAKE13, Overrides.RSRC_CONF, 0, "");
    assertTrue(ArgForms.check(take13, "a \"\"").isEmpty());
    assertTrue(ArgForms.check(take13, "a b").isPresent());
  }
}
