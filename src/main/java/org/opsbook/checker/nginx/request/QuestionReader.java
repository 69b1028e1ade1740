package org.opsbook.checker.nginx.request;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question: {@code METHOD URL} and then, on the same line or on indented lines, request
 * headers ({@code Name: value}) and facts: {@code from ADDR} (the client), {@code to ADDR} (the
 * server address the connection arrives at), {@code cookie NAME=VALUE}, {@code files PATH...} or
 * {@code files none} (which files exist; the question's list replaces the block's). Block-wide
 * facts come as the block's {@code files=} attribute. Stateless.
 */
public final class QuestionReader {
  private static final Pattern START = Pattern.compile("([A-Z]{3,10})\\s+(https?)://([^/?#\\s]+)(\\S*)");
  private static final List<String> KEYWORDS = List.of("from", "to", "cookie", "files");

  private QuestionReader() {}

  /** A question read, or what is wrong with it. */
  public record Read(Request request, String error) {}

  public static Read read(String question, String blockFiles) {
    String text = question.strip();
    Matcher m = START.matcher(text);
    if (!m.lookingAt()) {
      return new Read(null, "the question does not start with METHOD URL, such as GET https://example.org/path");
    }
    String method = m.group(1);
    String scheme = m.group(2).toLowerCase(Locale.ROOT);
    String authority = m.group(3);
    String target = m.group(4).isEmpty() ? "/" : m.group(4);
    if (!target.startsWith("/") && !target.startsWith("?")) {
      return new Read(null, "the URL's path must start with /");
    }
    if (target.startsWith("?")) {
      target = "/" + target;
    }
    int hash = target.indexOf('#');
    if (hash >= 0) {
      target = target.substring(0, hash);
    }
    String host = authority;
    int port = scheme.equals("https") ? 443 : 80;
    int colon = authority.lastIndexOf(':');
    if (colon > 0 && authority.indexOf(']') < colon) {
      try {
        port = Integer.parseInt(authority.substring(colon + 1));
      } catch (NumberFormatException e) {
        return new Read(null, "the URL's port is not a number");
      }
      if (port < 1 || port > 65535) {
        return new Read(null, "the URL's port is out of range");
      }
      host = authority.substring(0, colon);
    }
    TreeMap<String, String> headers = new TreeMap<>();
    headers.put("host", authority);
    String client = "192.0.2.1";
    String local = null;
    Set<String> files = null;
    if (blockFiles != null) {
      files = new LinkedHashSet<>(words(blockFiles));
      files.remove("none");
    }
    boolean ownFiles = false;
    List<String> items = items(text.substring(m.end()));
    for (String item : items) {
      String[] kv = item.split("\\s+", 2);
      String key = kv[0];
      String value = kv.length > 1 ? kv[1].strip() : "";
      if (key.endsWith(":") && key.length() > 1) {
        String name = key.substring(0, key.length() - 1).toLowerCase(Locale.ROOT);
        if (name.equals("cookie") && headers.containsKey("cookie")) {
          headers.put(name, headers.get("cookie") + "; " + value);
        } else {
          headers.put(name, value);
        }
        continue;
      }
      switch (key) {
        case "from" -> client = value;
        case "to" -> local = value;
        case "cookie" -> headers.merge("cookie", value, (a, b) -> a + "; " + b);
        case "files" -> {
          // The question's own list replaces the block's: it states every file that exists.
          if (!ownFiles) {
            files = new LinkedHashSet<>();
            ownFiles = true;
          }
          for (String f : words(value)) {
            if (!f.equals("none")) {
              if (!f.startsWith("/")) {
                return new Read(null, "files are absolute paths, not '" + f + "'");
              }
              files.add(f);
            }
          }
        }
        default -> {
          return new Read(null, "cannot read '" + item + "': write request headers as Name: value, and facts as "
              + "from ADDR, to ADDR, cookie NAME=VALUE or files PATH...");
        }
      }
    }
    if (value(client) == null) {
      return new Read(null, "'from' takes an IP address, not '" + client + "'");
    }
    return new Read(new Request(method, scheme, port, target, headers, client, local, files), null);
  }

  private static String value(String address) {
    return address.matches("[0-9A-Fa-f:.]+") ? address : null;
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.strip().split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** Splits the rest of the question into items, each starting at a header name or a keyword. */
  private static List<String> items(String rest) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = null;
    for (String line : rest.split("\n")) {
      boolean lineStart = true;
      for (String w : line.strip().split("\\s+")) {
        if (w.isEmpty()) {
          continue;
        }
        boolean starts = w.endsWith(":") && w.matches("[A-Za-z0-9-]+:") || KEYWORDS.contains(w) && (lineStart
            || cur == null || !cur.toString().matches("(?s)[A-Za-z0-9-]+:.*"));
        if (starts || cur == null) {
          if (cur != null) {
            out.add(cur.toString());
          }
          cur = new StringBuilder(w);
        } else {
          cur.append(' ').append(w);
        }
        lineStart = false;
      }
    }
    if (cur != null) {
      out.add(cur.toString());
    }
    return out;
  }
}
