package org.opsbook.checker.vcl.rules;

import java.util.List;
import org.opsbook.check.Rule;
import org.opsbook.checker.vcl.model.VclProgram;

/** The lint rules that run over a compiled VCL program, in order. */
public final class VclLintRules {
  private VclLintRules() {}

  public static final List<Rule<VclProgram>> ALL = List.of(
      new Synth503RetryAfterRule(), new CacheSetCookieRule(), new PassEverythingRule(), new AclMaskedBitsRule(),
      new XForwardedForRule(), new UnprotectedPurgeRule(), new HashWithoutHostRule());
}
