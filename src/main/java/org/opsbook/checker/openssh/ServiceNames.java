package org.opsbook.checker.openssh;

import java.util.Map;

/**
 * The TCP service names misc.c a2port() lets a port argument use, through getservbyname() and
 * Debian's /etc/services (package netbase). Only names likely in an ssh or sshd configuration are
 * listed: another name is read as no port at all, which the checkers report.
 */
public final class ServiceNames {
  private static final Map<String, Integer> TCP = Map.ofEntries(
      Map.entry("ssh", 22), Map.entry("telnet", 23), Map.entry("smtp", 25), Map.entry("domain", 53),
      Map.entry("http", 80), Map.entry("www", 80), Map.entry("pop3", 110), Map.entry("imap2", 143),
      Map.entry("imap", 143), Map.entry("https", 443), Map.entry("submission", 587),
      Map.entry("imaps", 993), Map.entry("pop3s", 995), Map.entry("socks", 1080),
      Map.entry("openvpn", 1194), Map.entry("ms-sql-s", 1433), Map.entry("mysql", 3306),
      Map.entry("ms-wbt-server", 3389), Map.entry("postgresql", 5432), Map.entry("x11", 6000),
      Map.entry("http-alt", 8080), Map.entry("ftp", 21), Map.entry("rsync", 873), Map.entry("ldap", 389),
      Map.entry("ldaps", 636), Map.entry("redis", 6379), Map.entry("git", 9418));

  private ServiceNames() {}

  /** The port of a TCP service name, or -1 when the name is not one. */
  public static int tcpPort(String name) {
    Integer p = TCP.get(name);
    return p == null ? -1 : p;
  }
}
