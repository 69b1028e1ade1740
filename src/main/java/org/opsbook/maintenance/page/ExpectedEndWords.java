package org.opsbook.maintenance.page;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Says when the site is expected back, in words a reader takes in at a glance: "back in about 2
 * hours". The words are relative to a reference instant given by the build (configuration or
 * {@code SOURCE_DATE_EPOCH}), never the wall clock, so a build is reproducible; the page's small
 * script redoes the same sum with the reader's clock. {@code countdown.js} in the theme mirrors
 * {@link #relative} and must be kept in step with it.
 */
public final class ExpectedEndWords {
  private static final DateTimeFormatter ABSOLUTE =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH);

  private ExpectedEndWords() {}

  /** "back in about 2 hours", or "should be back any moment now" once the time has passed. */
  public static String relative(OffsetDateTime end, Instant reference) {
    long seconds = Duration.between(reference, end.toInstant()).getSeconds();
    if (seconds <= 60) {
      return "should be back any moment now";
    }
    long minutes = Math.round(seconds / 60.0);
    if (minutes < 60) {
      // Rounded to five minutes: "about 7 minutes" claims a precision nobody has during an upgrade.
      long rounded = Math.max(5, Math.round(minutes / 5.0) * 5);
      return rounded >= 60 ? "back in about an hour" : "back in about " + rounded + " minutes";
    }
    long hours = Math.round(minutes / 60.0);
    if (hours == 1) {
      return "back in about an hour";
    }
    if (hours < 48) {
      return "back in about " + hours + " hours";
    }
    return "back in about " + Math.round(hours / 24.0) + " days";
  }

  /** "Monday 23 November 2026, 22:00 UTC": the absolute time, for readers whose clock is off. */
  public static String absolute(OffsetDateTime end) {
    return ABSOLUTE.format(end.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** Without a reference instant the page states the time; the script adds the words when it runs. */
  public static String withoutReference(OffsetDateTime end) {
    return "expected back by " + absolute(end);
  }
}
