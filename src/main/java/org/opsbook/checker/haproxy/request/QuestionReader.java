package org.opsbook.checker.haproxy.request;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a question: {@code METHOD URL}, then facts and request headers on the same line or on
 * indented lines. Facts: {@code from ADDR}, {@code cookie NAME=VALUE}, {@code set map PATH KEY
 * VALUE} (as the runtime API's command), {@code frontend NAME}. A header {@code Name: value} runs to
 * the end of its line. Stateless.
 */
public final class QuestionReader {
  private static final Pattern METHOD = Pattern.compile("[A-Z][A-Z-]*");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+:");
  private static final Pattern ADDRESS = Pattern.compile("[0-9a-fA-F.:]+");
  /** The client address when the question names none (TEST-NET-1). */
  public static final String DEFAULT_CLIENT = "192.0.2.1";

  private QuestionReader() {}

  /** A question read, or what is wrong with it. */
  public record Read(Request request, String error, String hint) {
    public boolean ok() {
      return request != null;
    }
  }

  static final String HINT = "write METHOD URL, then facts (from ADDR, cookie NAME=VALUE, set map PATH KEY VALUE, "
      + "frontend NAME) and headers (Name: value), e.g. GET http://www.example.org/ from 203.0.113.5";

  /**
   * Reads a question.
   *
   * @param blockMaps the block's {@code set-map} attribute ({@code PATH KEY VALUE}, several
   *     separated by {@code ;}), or null; the question's own {@code set map} facts win
   */
  public static Read read(String question, String blockMaps) {
    Map<String, Map<String, String>> maps = new TreeMap<>();
    if (blockMaps != null) {
      for (String entry : blockMaps.split(";")) {
        String[] w = entry.strip().split("\\s+");
        if (w.length == 1 && w[0].isEmpty()) {
          continue;
        }
        if (w.length != 3 || !w[0].startsWith("/")) {
          return new Read(null, "the block's set-map attribute needs PATH KEY VALUE, got '" + entry.strip() + "'",
              "write set-map=\"/etc/haproxy/switch.map maintenance on\"");
        }
        maps.computeIfAbsent(w[0], k -> new LinkedHashMap<>()).put(w[1], w[2]);
      }
    }
    List<String> lines = question.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.isEmpty()) {
      return new Read(null, "an empty question", HINT);
    }
    List<String> first = words(lines.get(0));
    if (first.size() < 2 || !METHOD.matcher(first.get(0)).matches()) {
      return new Read(null, "a question starts with a method and a URL, as GET http://www.example.org/", HINT);
    }
    String method = first.get(0);
    String url = first.get(1);
    String scheme = "http";
    String host = null;
    String target;
    if (url.startsWith("http://") || url.startsWith("https://")) {
      scheme = url.substring(0, url.indexOf(':'));
      String rest = url.substring(scheme.length() + 3);
      int slash = rest.indexOf('/');
      host = slash < 0 ? rest : rest.substring(0, slash);
      target = slash < 0 ? "/" : rest.substring(slash);
      if (host.isEmpty()) {
        return new Read(null, "the URL '" + url + "' has no host", HINT);
      }
    } else if (url.startsWith("/")) {
      target = url;
    } else {
      return new Read(null, "the URL '" + url + "' is neither absolute (http://HOST/PATH) nor a path (/PATH)", HINT);
    }
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? null : target.substring(q + 1);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    List<String> cookies = new ArrayList<>();
    String client = DEFAULT_CLIENT;
    Optional<String> frontend = Optional.empty();
    Map<String, Map<String, String>> questionMaps = new TreeMap<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      List<String> w = words(line);
      int i = n == 0 ? 2 : 0;
      while (i < w.size()) {
        String word = w.get(i);
        if (HEADER_NAME.matcher(word).matches()) {
          int at = line.indexOf(word, n == 0 ? line.indexOf(url) + url.length() : 0);
          String value = line.substring(at + word.length()).strip();
          headers.add(new AbstractMap.SimpleImmutableEntry<>(word.substring(0, word.length() - 1), value));
          break;
        }
        switch (word) {
          case "from" -> {
            if (i + 1 >= w.size() || !ADDRESS.matcher(w.get(i + 1)).matches()) {
              return new Read(null, "'from' needs the client's IP address", HINT);
            }
            client = w.get(i + 1);
            i += 2;
          }
          case "cookie" -> {
            if (i + 1 >= w.size() || !w.get(i + 1).contains("=")) {
              return new Read(null, "'cookie' needs NAME=VALUE", HINT);
            }
            cookies.add(w.get(i + 1));
            i += 2;
          }
          case "frontend" -> {
            if (i + 1 >= w.size()) {
              return new Read(null, "'frontend' needs a name", HINT);
            }
            frontend = Optional.of(w.get(i + 1));
            i += 2;
          }
          case "set" -> {
            if (i + 4 >= w.size() || !w.get(i + 1).equals("map") || !w.get(i + 2).startsWith("/")) {
              return new Read(null, "'set map' needs the map's path, a key and a value, as the runtime API takes them",
                  HINT);
            }
            questionMaps.computeIfAbsent(w.get(i + 2), k -> new LinkedHashMap<>()).put(w.get(i + 3), w.get(i + 4));
            i += 5;
          }
          default -> {
            return new Read(null, "unknown word '" + word + "' in the question", HINT);
          }
        }
      }
    }
    if (host != null && headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("host"))) {
      headers.add(0, new AbstractMap.SimpleImmutableEntry<>("Host", host));
    }
    if (!cookies.isEmpty()) {
      headers.add(new AbstractMap.SimpleImmutableEntry<>("Cookie", String.join("; ", cookies)));
    }
    questionMaps.forEach((path2, entries) -> maps.computeIfAbsent(path2, k -> new LinkedHashMap<>()).putAll(entries));
    return new Read(new Request(method, scheme, path, query, headers, client, maps, frontend), null, null);
  }

  private static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    for (String w : line.strip().split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
