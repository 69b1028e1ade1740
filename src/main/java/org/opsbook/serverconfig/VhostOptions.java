package org.opsbook.serverconfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a virtual host for a published site needs to know.
 *
 * @param serverName the host name the site answers to
 * @param publishRoot the folder given to {@code opsbook publish --to}; the document root is its
 *     {@code current} link
 * @param listen {@code [address:]port}; empty for 443 with TLS, 80 without
 * @param tlsCertificate the certificate chain (PEM); with {@code tlsKey}, turns on TLS and HSTS
 * @param tlsKey the private key (PEM)
 * @param hstsMaxAge HSTS max-age in seconds; 0 sends {@code max-age=0}, which tells browsers to
 *     forget an earlier policy
 * @param hstsIncludeSubDomains add {@code includeSubDomains}
 * @param hstsPreload add {@code preload}; needs a max-age of a year or more and includeSubDomains
 * @param htmlMaxAge how long browsers and caches may keep a page without asking again
 * @param notFoundPage the site's 404 page, as a URL path
 */
public record VhostOptions(
    String serverName,
    Path publishRoot,
    Optional<String> listen,
    Optional<Path> tlsCertificate,
    Optional<Path> tlsKey,
    long hstsMaxAge,
    boolean hstsIncludeSubDomains,
    boolean hstsPreload,
    long htmlMaxAge,
    String notFoundPage) {

  /** The preload list's minimum max-age: one year (hstspreload.org submission requirements). */
  public static final long PRELOAD_MIN_MAX_AGE = 31_536_000L;
  private static final Pattern HOST = Pattern.compile("(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern LISTEN = Pattern.compile("((\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:]+\\]):)?\\d{1,5}");
  // Paths are written into the config unquoted or in double quotes; keep them plain.
  private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9._/+-]*");

  public boolean tls() {
    return tlsCertificate.isPresent();
  }

  /** The document root: the {@code current} link that {@code opsbook publish} switches. */
  public String documentRoot() {
    return publishRoot.resolve("current").toString();
  }

  public String listenOrDefault() {
    return listen.orElse(tls() ? "443" : "80");
  }

  /** What is wrong with these options, one sentence each with what to do; empty when usable. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!HOST.matcher(serverName).matches()) {
      problems.add("--server-name '" + serverName + "' is not a host name such as book.example.org");
    }
    if (!publishRoot.isAbsolute() || !PLAIN_PATH.matcher(publishRoot.toString()).matches()) {
      problems.add("--root must be an absolute path of letters, digits and . _ / + - (the folder given to"
          + " 'opsbook publish --to'), not '" + publishRoot + "'");
    }
    listen.filter(l -> !LISTEN.matcher(l).matches() || port(l) < 1 || port(l) > 65535)
        .ifPresent(l -> problems.add("--listen '" + l + "' is not [address:]port, such as 443 or 127.0.0.1:8443"));
    if (tlsCertificate.isPresent() != tlsKey.isPresent()) {
      problems.add("give both --tls-cert and --tls-key, or neither");
    }
    for (Path p : List.of(tlsCertificate, tlsKey).stream().flatMap(Optional::stream).toList()) {
      if (!p.isAbsolute() || !PLAIN_PATH.matcher(p.toString()).matches()) {
        problems.add("TLS file '" + p + "' must be an absolute path of letters, digits and . _ / + -");
      }
    }
    if (hstsMaxAge < 0) {
      problems.add("--hsts-max-age must be 0 or more seconds");
    }
    if (htmlMaxAge < 0) {
      problems.add("--html-max-age must be 0 or more seconds");
    }
    if (hstsPreload && (hstsMaxAge < PRELOAD_MIN_MAX_AGE || !hstsIncludeSubDomains)) {
      problems.add("--hsts-preload needs --hsts-max-age " + PRELOAD_MIN_MAX_AGE
          + " (a year) or more and --hsts-include-subdomains; the preload list rejects anything less");
    }
    if ((hstsIncludeSubDomains || hstsPreload) && !tls()) {
      problems.add("HSTS options need TLS (--tls-cert and --tls-key): browsers ignore HSTS sent over plain HTTP");
    }
    if (!notFoundPage.startsWith("/") || notFoundPage.contains(" ") || notFoundPage.contains("\"")) {
      problems.add("--not-found must be a URL path such as /404.html");
    }
    return problems;
  }

  private static int port(String listen) {
    String p = listen.substring(listen.lastIndexOf(':') + 1);
    return p.length() > 5 ? -1 : Integer.parseInt(p);
  }
}
