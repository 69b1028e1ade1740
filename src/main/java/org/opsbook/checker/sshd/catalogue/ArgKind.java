package org.opsbook.checker.sshd.catalogue;

/**
 * The argument grammar of a keyword, one constant per parsing routine of sshd's servconf.c. Each
 * constant names the words it accepts where sshd has a fixed list.
 */
public enum ArgKind {
  /** {@code yes} or {@code no}, case-insensitive. */
  FLAG("yes", "no"),
  ADDRESS_FAMILY("any", "inet", "inet6"),
  PERMIT_ROOT_LOGIN("yes", "prohibit-password", "without-password", "forced-commands-only", "no"),
  IGNORE_RHOSTS("yes", "no", "shosts-only"),
  COMPRESSION("yes", "delayed", "no"),
  GATEWAY_PORTS("no", "yes", "clientspecified"),
  /** AllowTcpForwarding and AllowStreamLocalForwarding. */
  FORWARDING("yes", "all", "no", "local", "remote"),
  /** Case-sensitive, unlike the other word lists. */
  PERMIT_TUNNEL("yes", "no", "point-to-point", "ethernet"),
  /** {@code yes}, {@code no} or a pattern list of variable names. */
  PERMIT_USER_ENVIRONMENT,
  /** A decimal integer from 0 to 2147483647. */
  INTEGER,
  /** A time such as {@code 90}, {@code 10m} or {@code 1h30m}. */
  TIME,
  /** {@code none} or a time. */
  TIME_OR_NONE,
  PORT,
  LISTEN_ADDRESS,
  /** One path; relative paths are taken from sshd's working directory. */
  PATH,
  /** One word such as a user name, a path with %-tokens or {@code none}. */
  WORD,
  /** The rest of the line, verbatim (ForceCommand). */
  REST_OF_LINE,
  /** The rest of the line with comments removed (VersionAddendum). */
  VERSION_ADDENDUM,
  /** An absolute path to a program and its arguments, or {@code none}. */
  COMMAND,
  CIPHERS,
  MACS,
  KEX_ALGORITHMS,
  /** Public key signature algorithms; wildcards allowed. */
  KEY_ALGORITHMS,
  GSSAPI_KEX_ALGORITHMS,
  LOG_LEVEL("QUIET", "FATAL", "ERROR", "INFO", "VERBOSE", "DEBUG", "DEBUG1", "DEBUG2", "DEBUG3"),
  LOG_FACILITY(
      "DAEMON", "USER", "AUTH", "AUTHPRIV", "LOCAL0", "LOCAL1", "LOCAL2", "LOCAL3", "LOCAL4",
      "LOCAL5", "LOCAL6", "LOCAL7"),
  LOG_VERBOSE,
  /** AllowUsers and DenyUsers: user patterns with an optional {@code @host} or {@code @CIDR}. */
  USER_PATTERNS,
  GROUP_PATTERNS,
  /** AcceptEnv: variable names or patterns, no {@code =}. */
  ENV_NAMES,
  /** SetEnv: {@code NAME=value} pairs. */
  ENV_ASSIGNMENTS,
  MAX_STARTUPS,
  NETBLOCK_SIZE,
  PER_SOURCE_MAX_STARTUPS,
  REKEY_LIMIT,
  SUBSYSTEM,
  PERMIT_OPEN,
  PERMIT_LISTEN,
  IPQOS,
  AUTHENTICATION_METHODS,
  OCTAL_MASK,
  FINGERPRINT_HASH("md5", "sha1", "sha256", "sha384", "sha512"),
  PUBKEY_AUTH_OPTIONS("none", "touch-required", "verify-required"),
  /** AuthorizedKeysFile: one or more paths. */
  PATHS,
  CHANNEL_TIMEOUT,
  ROUTING_DOMAIN,
  INCLUDE,
  MATCH,
  /** Anything: deprecated, ignored and unsupported keywords take any arguments. */
  ANYTHING;

  private final String[] words;

  ArgKind(String... words) {
    this.words = words;
  }

  /** The fixed words this kind accepts, empty for open grammars. Never mutate. */
  public java.util.List<String> words() {
    return java.util.List.of(words);
  }
}
