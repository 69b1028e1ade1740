package org.opsbook.checker.vcl.syntax;

/** How a symbol lookup treats a missing or partial name (VCC's symmode and symxref). */
final class Lookup {
  private Lookup() {}

  enum Mode {
    NOERR(true, false, "sym_noerror"),
    CREATE(false, false, "sym_create"),
    EXISTING(false, false, "Symbol not found"),
    PARTIAL(false, true, "Symbol not found"),
    PARTIAL_NOERR(true, true, "Symbol not found");

    final boolean noError;
    final boolean partial;
    final String message;

    Mode(boolean noError, boolean partial, String message) {
      this.noError = noError;
      this.partial = partial;
      this.message = message;
    }
  }

  /** Whether the lookup defines, references, or only looks at the symbol. */
  enum Xref { NONE, DEF, REF }
}
