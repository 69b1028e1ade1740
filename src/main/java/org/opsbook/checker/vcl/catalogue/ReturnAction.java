package org.opsbook.checker.vcl.catalogue;

import java.util.Locale;
import java.util.Optional;

/**
 * The actions a subroutine may end with, {@code return (ACTION)}. Which subroutine takes which is
 * in {@link SubMethod}. Facts from libvcc's generate.py (Varnish 7.1).
 */
public enum ReturnAction {
  ABANDON, DELIVER, ERROR, FAIL, FETCH, HASH, LOOKUP, OK, PASS, PIPE, PURGE, RESTART, RETRY, SYNTH, VCL;

  /** The word as VCL writes it. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The action a word names, compared as VCC compares identifiers (exactly, case-sensitive). */
  public static Optional<ReturnAction> byWord(String word) {
    for (ReturnAction a : values()) {
      if (a.word().equals(word)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
