package org.opsbook.doctor;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An optional program opsbook can use, how to ask its version, and what it is for.
 *
 * @param name the executable, looked up on the search path plus the sbin folders
 * @param versionArgs the arguments that make it print its version (on either stream)
 * @param version picks the version out of that output; group 1 is the version
 * @param purpose what opsbook does with it, for the report
 */
public record Tool(String name, List<String> versionArgs, Pattern version, String purpose) {
  public Tool {
    versionArgs = List.copyOf(versionArgs);
  }

  static Tool of(String name, String versionArg, String versionRegex, String purpose) {
    return new Tool(name, versionArg.isEmpty() ? List.of() : List.of(versionArg.split(" ")), Pattern.compile(versionRegex), purpose);
  }

  /** The tools opsbook knows about, in report order. */
  public static final List<Tool> KNOWN = List.of(
      of("rsync", "--version", "rsync\\s+version\\s+(\\S+)", "publish --to host:/path"),
      of("ssh", "-V", "OpenSSH_(\\S+?)[,\\s]", "publish --to host:/path"),
      of("sshd", "-V", "OpenSSH_(\\S+?)[,\\s]", "sshd_config checker oracle tests (sshd -t -f)"),
      of("iptables", "--version", "iptables v(\\S+)", "iptables checker oracle tests"),
      of("postconf", "-d mail_version", "mail_version = (\\S+)", "Postfix header_checks oracle tests (postmap -q)"),
      of("nginx", "-v", "nginx/(\\S+)", "server-config nginx checks (nginx -t)"),
      of("apache2", "-v", "Apache/(\\S+)", "server-config apache checks (apache2 -t)"),
      of("openssl", "version", "OpenSSL (\\S+)", "test certificates for server-config TLS checks"),
      of("chromium", "--version", "Chromium (\\S+)", "screenshots of the built site"),
      of("curl", "--version", "curl (\\S+)", "fetching pages in checks and CI jobs"));
}
