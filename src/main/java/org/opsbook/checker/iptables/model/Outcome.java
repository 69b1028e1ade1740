package org.opsbook.checker.iptables.model;

/**
 * What opsbook predicts for one iptables call (or, for a save file, one {@code COMMIT}ted table),
 * replayed from an empty rule set as on a fresh host: accepted, refused, or not run at all because
 * a shell operator before it skips it ({@code A && B} after a refused A). The differential test
 * compares these with the real program.
 *
 * @param line the snippet line where the call starts
 */
public record Outcome(int line, Status status) {

  /** The three ways a call can end. */
  public enum Status {
    ACCEPTED, REFUSED, NOT_RUN
  }

  /** Whether iptables would accept the call. */
  public boolean accepted() {
    return status == Status.ACCEPTED;
  }

  public boolean ran() {
    return status != Status.NOT_RUN;
  }

  public static Outcome of(int line, boolean accepted) {
    return new Outcome(line, accepted ? Status.ACCEPTED : Status.REFUSED);
  }
}
