package org.opsbook.site;

import java.text.Normalizer;
import java.util.Locale;

/**
 * URL slugs for titles: lower case ASCII letters, digits and single hyphens, at most {@link
 * #MAX_LENGTH} characters.
 */
public final class Slugs {
  /**
   * Long enough for any title one would put in a URL; a file system takes 255 bytes per name, and
   * a URL this long is already hard to read.
   */
  public static final int MAX_LENGTH = 80;

  private Slugs() {}

  public static String of(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > MAX_LENGTH) {
      // Cut after a whole word where there is one.
      int cut = slug.lastIndexOf('-', MAX_LENGTH);
      slug = slug.substring(0, cut > 0 ? cut : MAX_LENGTH);
    }
    return slug.isEmpty() ? "untitled" : slug;
  }
}
