package org.opsbook.checker.apache.catalogue;

/**
 * How httpd splits a directive's arguments before its handler sees them ({@code cmd_how} in
 * http_config.h, applied by {@code invoke_cmd} in config.c).
 */
public enum ArgForm {
  /** The rest of the line, unsplit. */
  RAW_ARGS,
  /** Any number of words. */
  TAKE_ARGV,
  NO_ARGS,
  TAKE1,
  TAKE2,
  /** One or two words. */
  TAKE12,
  TAKE3,
  /** Two or three words. */
  TAKE23,
  TAKE123,
  /** One or three words. */
  TAKE13,
  /** One or more words, each handled alone. */
  ITERATE,
  /** A first word, then one or more words each handled with it. */
  ITERATE2,
  /** {@code On} or {@code Off}. */
  FLAG
}
