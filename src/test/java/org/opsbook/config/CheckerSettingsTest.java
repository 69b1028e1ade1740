package org.opsbook.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.diag.Diagnostic;

/** {@code checkers:} in opsbook.yaml is held to the options each registered checker declares. */
class CheckerSettingsTest {
  private static final CheckerRegistry REGISTRY = CheckerRegistry.load();

  private static SiteConfig load(String yaml) throws ConfigException {
    return new ConfigLoader(REGISTRY).parse(yaml, "opsbook.yaml");
  }

  private static Diagnostic onlyProblem(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
    assertEquals(1, e.diagnostics().size(), e.diagnostics().toString());
    return e.diagnostics().get(0);
  }

  @Test
  void declaredOptionsWithAcceptableValuesReachTheChecks() throws Exception {
    SiteConfig config = load("title: t\ncheckers:\n  sshd:\n    version: \"9.6p1\"\n  postfix:\n    engine: translator\n");
    assertEquals(Map.of("sshd.version", "9.6p1", "postfix.engine", "translator"), config.checkerOptions());
  }

  @Test
  void aMisspeltCheckerIdIsAnErrorAtItsLineWithTheNearestId() {
    Diagnostic d = onlyProblem("title: t\ncheckers:\n  shd:\n    version: \"9.2\"\n");
    assertEquals("opsbook.config", d.rule().value());
    assertEquals(3, d.where().line());
    assertEquals(3, d.where().column());
    assertEquals("there is no checker 'shd'", d.message());
    assertEquals(true, d.hint().startsWith("did you mean 'sshd'?"), d.hint());
  }

  @Test
  void aMisspeltOptionIsAnErrorAtItsLineNamingWhatTheCheckerTakes() {
    Diagnostic d = onlyProblem("checkers:\n  sshd:\n    verison: \"9.2\"\n");
    assertEquals(3, d.where().line());
    assertEquals(5, d.where().column());
    assertEquals("checker 'sshd' has no option 'verison'", d.message());
    assertEquals("did you mean 'version'? checker 'sshd' takes version", d.hint());
  }

  @Test
  void aCheckerWithoutOptionsSaysSo() {
    Diagnostic d = onlyProblem("checkers:\n  iptables:\n    version: \"1.8\"\n");
    assertEquals(3, d.where().line());
    assertEquals("checker 'iptables' takes no settings", d.hint());
  }

  @Test
  void aValueTheOptionRefusesIsAnErrorAtItsKey() {
    Diagnostic d = onlyProblem("checkers:\n  postfix:\n    engine: pcre\n");
    assertEquals(3, d.where().line());
    assertEquals(true, d.message().startsWith("postfix.engine takes one of "), d.message());
    Diagnostic list = onlyProblem("checkers:\n  sshd:\n    version: [\"9.2\"]\n");
    assertEquals("sshd.version takes a single value, not a list", list.message());
  }

  @Test
  void flowStyleIsPlacedAsPreciselyAsBlockStyle() {
    Diagnostic d = onlyProblem("title: t\ncheckers: {sshd: {version: \"9.2\"}, postfx: {engine: auto}}\n");
    assertEquals(2, d.where().line());
    assertEquals(36, d.where().column());
    assertEquals("there is no checker 'postfx'", d.message());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> load("checkers:\n  shd: {}\n  sshd:\n    verison: x\n  postfix:\n    engine: pcre\n"));
    assertEquals(List.of(2, 4, 6), e.diagnostics().stream().map(d -> d.where().line()).toList());
  }

  @Test
  void aVersionIsReadAsWrittenNotAsANumber() throws Exception {
    SiteConfig config = load("checkers:\n  sshd:\n    version: 9.10\n");
    assertEquals("9.10", config.checkerOptions().get("sshd.version"));
  }
}
