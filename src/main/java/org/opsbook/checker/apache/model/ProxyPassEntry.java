package org.opsbook.checker.apache.model;

import java.util.regex.Pattern;

/**
 * A parsed {@code ProxyPass}, {@code ProxyPassMatch} or {@code ProxyPassReverse} (mod_proxy.c).
 *
 * @param path the URL-path (or pattern) it applies to; for the one-argument form in a
 *     {@code <Location>}, the location's path
 * @param target the backend URL, or {@code !} for an exclusion
 * @param regex for ProxyPassMatch (or a {@code ~} path), the compiled pattern
 * @param reverse a ProxyPassReverse
 */
public record ProxyPassEntry(String path, String target, Pattern regex, boolean reverse) {
  public boolean isExclusion() {
    return target.equals("!");
  }
}
