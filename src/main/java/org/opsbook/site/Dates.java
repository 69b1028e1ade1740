package org.opsbook.site;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Date formats for pages and feeds; fixed locale so output never depends on the machine. */
final class Dates {
  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH);

  private Dates() {}

  static String iso(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  static String text(LocalDate date) {
    return date == null ? "" : LONG.format(date);
  }

  /** RSS 2.0 wants RFC 822 dates; midnight UTC of the publication day. */
  static String rss(LocalDate date) {
    return RFC_1123.format(date.atStartOfDay(ZoneOffset.UTC));
  }

  /** Atom wants RFC 3339. */
  static String atom(LocalDate date) {
    return date + "T00:00:00Z";
  }
}
