package org.opsbook.checker.apache.request;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.checker.apache.text.IpAddresses;

/**
 * Reads a request question:
 *
 * <pre>
 * METHOD URL [from ADDRESS] [to ADDRESS[:PORT]] [cookie NAME=VALUE] [file PATH] [dir PATH] [Name: value]
 *     Name: value                  (an indented line: one more request header)
 *     file PATH                    (or more items)
 * </pre>
 *
 * The URL is absolute ({@code https://docs.example.org/a?b}); its host is the Host header unless
 * one is given. A header runs to the end of its line. The test block's attributes {@code files},
 * {@code dirs} (space-separated paths), {@code from} and {@code to} apply to every case. Pure.
 */
public final class QuestionReader {
  static final String DEFAULT_CLIENT = "203.0.113.10";
  private static final Pattern URL = Pattern.compile("(?i)(https?)://([^/:?#\\s]+|\\[[0-9a-fA-F:.]+\\])(?::([0-9]{1,5}))?([^?#\\s]*)(?:\\?([^#\\s]*))?");
  private static final Pattern METHOD = Pattern.compile("[A-Z][A-Z-]*");
  static final String HINT = "write e.g. GET https://www.example.org/page from 192.0.2.10 cookie session=abc file /var/www/html/page, "
      + "with headers as 'Name: value' (on an indented line of their own when more follow)";

  private QuestionReader() {}

  /** A request, or why the question cannot be read. */
  public record Result(Request request, String error) {}

  public static Result read(String question, Map<String, String> blockFacts) {
    String[] lines = question.strip().split("\n");
    List<String> first = tokens(lines[0]);
    if (first.size() < 2) {
      return fail("a request is METHOD URL: '" + lines[0].strip() + "' has no URL");
    }
    String method = first.get(0);
    if (!METHOD.matcher(method).matches()) {
      return fail("'" + method + "' is not an HTTP method (GET, POST, HEAD...)");
    }
    Matcher m = URL.matcher(first.get(1));
    if (!m.matches()) {
      return fail("'" + first.get(1) + "' is not an absolute http:// or https:// URL");
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    String host = m.group(2).toLowerCase(Locale.ROOT);
    int port = m.group(3) == null ? (scheme.equals("https") ? 443 : 80) : Integer.parseInt(m.group(3));
    if (port < 1 || port > 65535) {
      return fail("port " + port + " is out of range");
    }
    String path = m.group(4).isEmpty() ? "/" : m.group(4);
    String query = m.group(5);
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Host", m.group(3) == null ? host : host + ":" + port);
    List<String> cookies = new ArrayList<>();
    Set<String> files = new LinkedHashSet<>(words(blockFacts.get("files")));
    Set<String> dirs = new LinkedHashSet<>(words(blockFacts.get("dirs")));
    String[] client = {blockFacts.getOrDefault("from", DEFAULT_CLIENT)};
    String[] local = {blockFacts.get("to")};
    List<String> pending = new ArrayList<>();
    pending.add(String.join(" ", first.subList(2, first.size())));
    for (int i = 1; i < lines.length; i++) {
      pending.add(lines[i].strip());
    }
    for (String line : pending) {
      String error = items(line, headers, cookies, files, dirs, client, local);
      if (error != null) {
        return fail(error);
      }
    }
    if (IpAddresses.parse(client[0]).isEmpty()) {
      return fail("the client address '" + client[0] + "' is not an IP address");
    }
    if (!cookies.isEmpty()) {
      String existing = headers.get("Cookie");
      headers.put("Cookie", (existing == null ? "" : existing + "; ") + String.join("; ", cookies));
    }
    for (String f : files) {
      if (!f.startsWith("/")) {
        return fail("file '" + f + "' is not an absolute path");
      }
    }
    String hostHeader = headers.get("Host");
    String hostName = hostHeader.replaceFirst(":[0-9]*$", "").toLowerCase(Locale.ROOT);
    return new Result(new Request(method, scheme, hostName, port, path, query, new TreeMap<>(headers), client[0], local[0],
        new Facts(files, dirs)), null);
  }

  private static String items(String line, Map<String, String> headers, List<String> cookies, Set<String> files,
      Set<String> dirs, String[] client, String[] local) {
    List<String> t = tokens(line);
    for (int i = 0; i < t.size(); i++) {
      String word = t.get(i);
      if (word.endsWith(":") && word.length() > 1 && word.substring(0, word.length() - 1).matches("[A-Za-z0-9-]+")) {
        String name = word.substring(0, word.length() - 1);
        int at = line.indexOf(word) + word.length();
        headers.put(name, line.substring(at).strip());
        return null;
      }
      if (i + 1 >= t.size()) {
        return "'" + word + "' needs a value after it";
      }
      String value = t.get(++i);
      switch (word) {
        case "from" -> client[0] = value;
        case "to" -> local[0] = value;
        case "cookie" -> {
          if (value.indexOf('=') <= 0) {
            return "a cookie is NAME=VALUE, not '" + value + "'";
          }
          cookies.add(value);
        }
        case "file" -> files.add(value);
        case "dir" -> dirs.add(value);
        default -> {
          return "'" + word + "' is not part of a request question";
        }
      }
    }
    return null;
  }

  private static List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    for (String w : line.strip().split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static List<String> words(String s) {
    return s == null ? List.of() : tokens(s);
  }

  private static Result fail(String message) {
    return new Result(null, message);
  }
}
