package org.opsbook.checker.apache.expr;

import java.util.Optional;

/**
 * What evaluating an expression needs from a request. Each method answers or says why it cannot:
 * an empty {@link Optional} from {@link #cannot} means the value is unknown to the model, and
 * evaluation stops with that reason instead of guessing.
 */
public interface ExprContext {
  /** The value of {@code %{NAME}} (name in upper case), or empty when the model does not know it. */
  Optional<String> variable(String name);

  /** The value of {@code %{func:arg}} or {@code func(arg)} (name in lower case), or empty when unknown. */
  Optional<String> function(String name, String arg);

  /** Whether the client address is in a network ({@code -R}, {@code -ipmatch}), or empty when unknown. */
  Optional<Boolean> clientIn(org.opsbook.checker.apache.text.IpAddresses.Network network);

  /** A file test ({@code -f}, {@code -d}, {@code -s}, {@code -e}, {@code -L}, {@code -h}, {@code -x}), or empty when unknown. */
  Optional<Boolean> file(String op, String path);

  /** Why the last empty answer was empty, for the "cannot evaluate" message. */
  String cannot();
}
