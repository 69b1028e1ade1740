package org.opsbook.snippet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InfoStringParserTest {
  @Test
  void readsLanguageAndBracedAttributes() {
    InfoString info = InfoStringParser.parse("sshd_config {file=/etc/ssh/sshd_config id=hardened fragment}");
    assertEquals("sshd_config", info.language());
    assertEquals(Map.of("file", "/etc/ssh/sshd_config", "id", "hardened", "fragment", "true"), info.attributes());
    assertTrue(info.problems().isEmpty());
  }

  @Test
  void bracesAreOptionalAndValuesMayBeQuoted() {
    InfoString info = InfoStringParser.parse("iptables scope=article title=\"NAT for the lab\" ignore=a.b,c.d");
    assertEquals("iptables", info.language());
    assertEquals("NAT for the lab", info.attributes().get("title"));
    assertEquals("a.b,c.d", info.attributes().get("ignore"));
  }

  @Test
  void languageMayTouchTheBrace() {
    InfoString info = InfoStringParser.parse("toy{id=x}");
    assertEquals("toy", info.language());
    assertEquals("x", info.attributes().get("id"));
  }

  @Test
  void reportsAnUnclosedQuoteAndBrace() {
    InfoString info = InfoStringParser.parse("toy {title=\"open");
    assertEquals(2, info.problems().size());
    assertTrue(info.problems().get(0).message().contains("no closing"));
  }

  @Test
  void readsPandocIdShorthand() {
    assertEquals("anon", InfoStringParser.parse("postfix-pcre {#anon}").attributes().get("id"));
  }

  @Test
  void emptyInfoStringHasNoLanguage() {
    assertEquals("", InfoStringParser.parse("").language());
  }
}
