package org.opsbook.maintenance.page;

import java.util.Objects;

/**
 * A link the reader can follow while the site is down: where to write, where to watch progress.
 * Following a link is navigation, not a load, so these are the only non-local targets a page may
 * name (see {@code ReferenceVerifier}).
 *
 * @param role {@code contact} or {@code status}
 * @param href a {@code mailto:} or absolute {@code http(s)} URL
 * @param label what the reader sees
 */
public record PageLink(String role, String href, String label) {
  public PageLink {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(href, "href");
    Objects.requireNonNull(label, "label");
  }

  public boolean isMail() {
    return href.startsWith("mailto:");
  }
}
