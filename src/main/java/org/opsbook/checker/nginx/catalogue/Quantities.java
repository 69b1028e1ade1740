package org.opsbook.checker.nginx.catalogue;

import java.util.OptionalLong;

/**
 * nginx's readers of numbers, sizes and times (nginx: src/core/ngx_string.c ngx_atoi, and
 * src/core/ngx_parse.c ngx_parse_size, ngx_parse_offset, ngx_parse_time). Pure functions; each
 * returns empty where nginx returns NGX_ERROR.
 */
public final class Quantities {
  private Quantities() {}

  /** Decimal digits only, no sign, not empty, no overflow. */
  public static OptionalLong number(String s) {
    if (s.isEmpty()) {
      return OptionalLong.empty();
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return OptionalLong.empty();
      }
      if (v > (Long.MAX_VALUE - (c - '0')) / 10) {
        return OptionalLong.empty();
      }
      v = v * 10 + (c - '0');
    }
    return OptionalLong.of(v);
  }

  /** A size: a number with an optional {@code k} or {@code m} (either case). */
  public static OptionalLong size(String s) {
    return scaled(s, false);
  }

  /** An offset: a number with an optional {@code k}, {@code m} or {@code g} (either case). */
  public static OptionalLong offset(String s) {
    return scaled(s, true);
  }

  private static OptionalLong scaled(String s, boolean giga) {
    if (s.isEmpty()) {
      return OptionalLong.empty();
    }
    char unit = s.charAt(s.length() - 1);
    long scale = switch (unit) {
      case 'k', 'K' -> 1024L;
      case 'm', 'M' -> 1024L * 1024;
      case 'g', 'G' -> giga ? 1024L * 1024 * 1024 : 1;
      default -> 1;
    };
    String digits = scale == 1 ? s : s.substring(0, s.length() - 1);
    OptionalLong n = number(digits);
    if (n.isEmpty() || n.getAsLong() > Long.MAX_VALUE / scale) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(n.getAsLong() * scale);
  }

  /**
   * A time such as {@code 30s}, {@code 1h 30m} or {@code 500ms}: units from years down to seconds
   * (and milliseconds unless {@code inSeconds}), each at most once and in that order; a bare
   * number is seconds or milliseconds. Returns seconds or milliseconds accordingly.
   */
  public static OptionalLong time(String s, boolean inSeconds) {
    // steps: 0 start, 1 year, 2 month, 3 week, 4 day, 5 hour, 6 min, 7 sec, 8 msec, 9 last
    int step = inSeconds ? 0 : 2;
    long value = 0;
    long total = 0;
    boolean valid = false;
    int p = 0;
    while (p < s.length()) {
      char c = s.charAt(p);
      if (c >= '0' && c <= '9') {
        if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
          return OptionalLong.empty();
        }
        value = value * 10 + (c - '0');
        valid = true;
        p++;
        continue;
      }
      p++;
      long scale;
      int next;
      switch (c) {
        case 'y' -> {
          next = 1;
          scale = 60L * 60 * 24 * 365;
        }
        case 'M' -> {
          next = 2;
          scale = 60L * 60 * 24 * 30;
        }
        case 'w' -> {
          next = 3;
          scale = 60L * 60 * 24 * 7;
        }
        case 'd' -> {
          next = 4;
          scale = 60L * 60 * 24;
        }
        case 'h' -> {
          next = 5;
          scale = 60L * 60;
        }
        case 'm' -> {
          if (p < s.length() && s.charAt(p) == 's') {
            if (inSeconds) {
              return OptionalLong.empty();
            }
            p++;
            next = 8;
            scale = 1;
          } else {
            next = 6;
            scale = 60;
          }
        }
        case 's' -> {
          next = 7;
          scale = 1;
        }
        case ' ' -> {
          if (step >= 7) {
            return OptionalLong.empty();
          }
          next = 9;
          scale = 1;
        }
        default -> {
          return OptionalLong.empty();
        }
      }
      if (next != 9 && (next == 1 ? step > 0 : step >= next)) {
        return OptionalLong.empty();
      }
      step = next;
      if (step != 8 && !inSeconds) {
        scale *= 1000;
      }
      if (value > Long.MAX_VALUE / scale) {
        return OptionalLong.empty();
      }
      value *= scale;
      if (total > Long.MAX_VALUE - value) {
        return OptionalLong.empty();
      }
      total += value;
      value = 0;
      while (p < s.length() && s.charAt(p) == ' ') {
        p++;
      }
    }
    if (!valid) {
      return OptionalLong.empty();
    }
    if (!inSeconds) {
      if (value > Long.MAX_VALUE / 1000) {
        return OptionalLong.empty();
      }
      value *= 1000;
    }
    if (total > Long.MAX_VALUE - value) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(total + value);
  }
}
