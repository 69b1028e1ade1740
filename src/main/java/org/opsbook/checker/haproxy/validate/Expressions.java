package org.opsbook.checker.haproxy.validate;

import java.util.Optional;
import org.opsbook.checker.haproxy.model.SampleExpr;

/** Reads a sample expression outside an ACL, as {@code %[...]} holds it, for the request model. */
public final class Expressions {
  private Expressions() {}

  /** The expression, when the whole text is one HAProxy reads; empty otherwise. */
  public static Optional<SampleExpr> sample(String text) {
    SampleReader.Read read = SampleReader.read(text, 0, '\0', false);
    return read.expr() != null && read.end() == text.length() ? Optional.of(read.expr()) : Optional.empty();
  }
}
