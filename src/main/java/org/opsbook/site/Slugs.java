package org.opsbook.site;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs for tags and titles: lower case ASCII letters, digits and single hyphens. */
public final class Slugs {
  private Slugs() {}

  public static String of(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    return slug.isEmpty() ? "untitled" : slug;
  }
}
