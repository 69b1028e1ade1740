package org.opsbook.checker.nginx.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * The variables a value refers to, as ngx_http_script_compile() reads them (nginx:
 * src/http/ngx_http_script.c): {@code $name} of letters, digits and {@code _}, or {@code ${name}};
 * {@code $1} to {@code $9} are regex captures, not variables. Pure functions.
 */
public final class Scripts {
  private Scripts() {}

  /** A variable reference, or a {@code $} nginx cannot read ({@code name} then holds the bad text). */
  public record Ref(String name, int offset, boolean invalid) {}

  public static List<Ref> refs(String value) {
    List<Ref> out = new ArrayList<>();
    int i = 0;
    while (i < value.length()) {
      if (value.charAt(i) != '$') {
        i++;
        continue;
      }
      int start = i;
      i++;
      if (i < value.length() && value.charAt(i) >= '1' && value.charAt(i) <= '9') {
        i++;
        continue;
      }
      boolean braced = i < value.length() && value.charAt(i) == '{';
      if (braced) {
        i++;
      }
      int nameStart = i;
      while (i < value.length()) {
        char c = value.charAt(i);
        if (braced && c == '}') {
          break;
        }
        if (!(Character.isLetterOrDigit(c) && c < 128 || c == '_')) {
          break;
        }
        i++;
      }
      String name = value.substring(nameStart, i);
      if (braced) {
        if (i >= value.length() || value.charAt(i) != '}') {
          out.add(new Ref(value.substring(start), start, true));
          return out;
        }
        i++;
      }
      if (name.isEmpty()) {
        out.add(new Ref(value.substring(start, Math.min(value.length(), i + 1)), start, true));
        continue;
      }
      if (braced && name.length() == 1 && name.charAt(0) >= '1' && name.charAt(0) <= '9') {
        continue;
      }
      out.add(new Ref(name, start, false));
    }
    return out;
  }
}
