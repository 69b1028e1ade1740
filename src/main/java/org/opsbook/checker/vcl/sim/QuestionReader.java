package org.opsbook.checker.vcl.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opsbook.checker.vcl.model.Addresses;

/**
 * Reads a question: {@code METHOD URL [PROTOCOL] [key=value ...] [Name:value ...]} on the first
 * line, then one request header per indented line ({@code Name: value}); a header whose value has
 * no spaces may also be written on the first line, without a space after the colon. Keys: {@code client=ADDR[:PORT]} (or
 * {@code [v6]:PORT}), {@code server=ADDR[:PORT]}, {@code exists=PATH} and {@code missing=PATH}
 * (repeatable, for std.file_exists), {@code healthy=BACKEND} and {@code sick=BACKEND} (for
 * std.healthy). Pure functions.
 */
public final class QuestionReader {
  /** The client address when the question names none: TEST-NET-3, never a real client. */
  public static final String DEFAULT_CLIENT = "203.0.113.10";
  /** The address Varnish listens on when the question names none. */
  public static final String DEFAULT_SERVER = "192.0.2.254:80";

  private QuestionReader() {}

  /** A question that cannot be read: what is wrong and where (an offset into the question). */
  public record Problem(String message, int offset, String hint) {}

  /** The request, or the problem that stops reading it. */
  public record Read(Request request, Problem problem) {}

  private static final String HINT = "write METHOD URL [HTTP/1.1] [client=ADDR] [exists=PATH] [missing=PATH]"
      + " [healthy=NAME] [sick=NAME] [Name:value], then one indented line per request header: Name: value";

  public static Read read(String question) {
    String[] lines = question.split("\n", -1);
    String first = lines[0].strip();
    String[] words = first.isEmpty() ? new String[0] : first.split("\\s+");
    if (words.length < 2) {
      return fail("a question needs at least a method and a URL", 0);
    }
    String method = words[0];
    if (!method.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
      return fail("'" + method + "' is not an HTTP method", 0);
    }
    String url = words[1];
    if (!url.startsWith("/") && !url.equals("*")) {
      return fail("the URL must start with '/' (write the Host as a header line)", first.indexOf(url));
    }
    String proto = "HTTP/1.1";
    int k = 2;
    if (k < words.length && words[k].startsWith("HTTP/")) {
      proto = words[k];
      if (!proto.equals("HTTP/1.0") && !proto.equals("HTTP/1.1") && !proto.equals("HTTP/2.0")) {
        return fail("'" + proto + "' is not a protocol Varnish speaks: HTTP/1.0, HTTP/1.1 or HTTP/2.0",
            first.indexOf(proto));
      }
      k++;
    }
    byte[][] client = {Addresses.parse(DEFAULT_CLIENT)};
    int[] clientPort = {-1};
    byte[][] server = {Addresses.parse("192.0.2.254")};
    int[] serverPort = {80};
    Set<String> exists = new TreeSet<>();
    Set<String> missing = new TreeSet<>();
    Set<String> healthy = new TreeSet<>();
    Set<String> sick = new TreeSet<>();
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (; k < words.length; k++) {
      String w = words[k];
      int eq = w.indexOf('=');
      int colon = w.indexOf(':');
      if (colon > 0 && (eq < 0 || colon < eq)) {
        // A header without spaces in its value may stand on the first line: Host:www.example.org
        String name = w.substring(0, colon);
        if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
          return fail("'" + w + "' is neither key=value nor Name:value", first.indexOf(w));
        }
        headers.add(Map.entry(name, w.substring(colon + 1)));
        continue;
      }
      if (eq <= 0) {
        return fail("'" + w + "' is not key=value", first.indexOf(w));
      }
      String key = w.substring(0, eq).toLowerCase(Locale.ROOT);
      String value = w.substring(eq + 1);
      switch (key) {
        case "client", "server" -> {
          Object[] a = address(value);
          if (a == null) {
            return fail("'" + value + "' is not an IP address (with an optional :PORT)", first.indexOf(w));
          }
          if (key.equals("client")) {
            client[0] = (byte[]) a[0];
            clientPort[0] = (int) a[1];
          } else {
            server[0] = (byte[]) a[0];
            serverPort[0] = (int) a[1] < 0 ? 80 : (int) a[1];
          }
        }
        case "exists" -> exists.add(value);
        case "missing" -> missing.add(value);
        case "healthy" -> healthy.add(value.toLowerCase(Locale.ROOT));
        case "sick" -> sick.add(value.toLowerCase(Locale.ROOT));
        default -> {
          return fail("unknown key '" + key + "'", first.indexOf(w));
        }
      }
    }
    int offset = lines[0].length() + 1;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.isEmpty()) {
        int colon = line.indexOf(':');
        if (colon <= 0 || !line.substring(0, colon).matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
          return fail("'" + line + "' is not a header line Name: value", offset);
        }
        headers.add(Map.entry(line.substring(0, colon), line.substring(colon + 1).strip()));
      }
      offset += lines[i].length() + 1;
    }
    for (String p : exists) {
      if (missing.contains(p)) {
        return fail("'" + p + "' is said both to exist and to be missing", 0);
      }
    }
    return new Read(new Request(method, url, proto, headers, client[0], clientPort[0], server[0], serverPort[0],
        exists, missing, healthy, sick), null);
  }

  /** {address bytes, port or -1}, or null. */
  private static Object[] address(String v) {
    if (v.startsWith("[")) {
      int close = v.indexOf(']');
      if (close < 0) {
        return null;
      }
      byte[] a = Addresses.parseIpv6(v.substring(1, close));
      String rest = v.substring(close + 1);
      if (a == null || !(rest.isEmpty() || rest.matches(":[0-9]{1,5}"))) {
        return null;
      }
      return new Object[] {a, rest.isEmpty() ? -1 : Integer.parseInt(rest.substring(1))};
    }
    byte[] a = Addresses.parse(v);
    if (a != null) {
      return new Object[] {a, -1};
    }
    int colon = v.lastIndexOf(':');
    if (colon > 0 && v.substring(colon + 1).matches("[0-9]{1,5}")) {
      byte[] b = Addresses.parseIpv4(v.substring(0, colon));
      if (b != null) {
        return new Object[] {b, Integer.parseInt(v.substring(colon + 1))};
      }
    }
    return null;
  }

  private static Read fail(String message, int offset) {
    return new Read(null, new Problem(message, Math.max(0, offset), HINT));
  }
}
