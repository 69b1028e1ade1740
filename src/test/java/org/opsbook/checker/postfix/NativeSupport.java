package org.opsbook.checker.postfix;

import org.opsbook.checker.postfix.engine.EngineChoice;
import org.opsbook.checker.postfix.engine.Engines;
import org.opsbook.checker.postfix.model.TableKind;

/** Whether the libraries Postfix calls can be loaded here, for tests that need them. */
final class NativeSupport {
  private NativeSupport() {}

  static boolean pcre2() {
    return Engines.of(TableKind.PCRE, EngineChoice.AUTO).main().isNative();
  }

  static boolean glibc() {
    return Engines.of(TableKind.REGEXP, EngineChoice.AUTO).main().isNative();
  }
}
