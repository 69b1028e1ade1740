package org.opsbook.checker.authkeys.syntax;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * An {@code expiry-time} value, read as OpenSSH's misc.c {@code parse_absolute_time} reads it.
 *
 * <ul>
 *   <li>A {@code Z} or {@code UTC} suffix, in either case, is taken off.
 *   <li>What is left must be 8, 12 or 14 characters. OpenSSH cuts them into YYYY, MM, DD, hh, mm and
 *       ss and hands them to glibc {@code strptime}. Each field may start with blanks, stops at the
 *       largest value it allows, and must then end where its slice ends.
 *   <li>{@code mktime} rolls a day past the month's end into the next month (20260431 is 1 May), and
 *       a second of 60 or 61 into the next minute.
 *   <li>A moment before 1970 is refused.
 * </ul>
 *
 * <p>The model's clock runs on UTC, so a {@code Z} changes nothing here.
 */
public final class ExpiryTime {
  /** time_t 0. sshd refuses it as an expiry-time, where it stands for "no expiry". */
  public static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  private ExpiryTime() {}

  /** The moment the value names, or empty where {@code parse_absolute_time} fails. */
  public static Optional<LocalDateTime> read(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    String s = value;
    if (s.length() > 1 && lower.endsWith("z")) {
      s = s.substring(0, s.length() - 1);
    } else if (s.length() > 3 && lower.endsWith("utc")) {
      s = s.substring(0, s.length() - 3);
    }
    int n = s.length();
    if (n != 8 && n != 12 && n != 14) {
      return Optional.empty();
    }
    int year = field(s, 0, 4, 0, 9999);
    int month = field(s, 4, 2, 1, 12);
    int day = field(s, 6, 2, 1, 31);
    int hour = n > 8 ? field(s, 8, 2, 0, 23) : 0;
    int minute = n > 8 ? field(s, 10, 2, 0, 59) : 0;
    int second = n > 12 ? field(s, 12, 2, 0, 61) : 0;
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return Optional.empty();
    }
    LocalDateTime t = LocalDateTime.of(year, month, 1, hour, minute).plusDays(day - 1L).plusSeconds(second);
    return t.isBefore(EPOCH) ? Optional.empty() : Optional.of(t);
  }

  /**
   * glibc's {@code get_number} on {@code s[start, start + width)}: blanks, then digits until
   * another digit would pass {@code max}. The slice must be used up, because what follows it in
   * the string strptime reads is a separator the format asks for.
   *
   * @return the number, or -1 where strptime fails
   */
  private static int field(String s, int start, int width, int min, int max) {
    int end = start + width;
    int p = start;
    while (p < end && isCSpace(s.charAt(p))) {
      p++;
    }
    if (p == end || !isDigit(s.charAt(p))) {
      return -1;
    }
    int value = s.charAt(p++) - '0';
    while (p < end && isDigit(s.charAt(p)) && value * 10 <= max) {
      value = value * 10 + (s.charAt(p++) - '0');
    }
    return p == end && value >= min && value <= max ? value : -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** isspace() in the C locale. */
  private static boolean isCSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
