package org.opsbook.cli;

/** What opsbook's exit status means. */
public final class ExitCodes {
  /** Clean: no errors (warnings allowed unless --werror). */
  public static final int CLEAN = 0;
  /** Findings at error level: snippet errors, failed tests, broken links. */
  public static final int FINDINGS = 1;
  /** Usage, configuration, template or I/O errors: the run could not do its job. */
  public static final int USAGE = 2;
  /** A bug in opsbook. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}
