package org.opsbook.checker.vcl.syntax;

import org.opsbook.checker.vcl.regex.Pcre2Pattern;
import org.opsbook.checker.vcl.rules.VclRules;

/** Compiles a VCL regex as VCC does, with PCRE2's syntax and messages, when the VCL is compiled. */
final class RegexCheck {
  void check(String pattern, Token at, Compilation c) {
    Pcre2Pattern.Compiled compiled = Pcre2Pattern.compile(pattern);
    if (compiled.error() != null) {
      throw c.error(VclRules.BAD_REGEX, "Regexp compilation error:\n\n" + compiled.error(), at);
    }
    if (compiled.unsupported() != null) {
      c.notices.add(new Compilation.Notice(VclRules.REGEX_UNCHECKED, at,
          "opsbook does not check or evaluate this regex: " + compiled.unsupported(), null));
    }
  }
}
