package org.opsbook.checker.vcl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code varnishlog -g request} output into what the request model reports for a request:
 * the action vcl_recv returned (and what the synthetic response became), the backend connected
 * to, the request's changes between vcl_recv's start and the end of vcl_hash, the hash inputs,
 * and the headers vcl_synth set. Each request is found by a marker header the test sent.
 */
final class VarnishLog {
  private static final Pattern RECORD = Pattern.compile("^(\\*+|-+)\\s+(\\S+)\\s?(.*)$");

  private VarnishLog() {}

  /** The requests of a log, by the value of their {@code marker} header. */
  static Map<String, List<String[]>> requests(String log, String marker) {
    Map<String, List<String[]>> out = new LinkedHashMap<>();
    List<String[]> current = null;
    for (String line : log.split("\n")) {
      Matcher m = RECORD.matcher(line.stripTrailing());
      if (!m.matches()) {
        continue;
      }
      if (m.group(1).equals("*")) {
        current = new ArrayList<>();
        continue;
      }
      if (current == null) {
        continue;
      }
      String value = m.group(3).strip();
      current.add(new String[] {String.valueOf(m.group(1).length()), m.group(2), value});
      if (m.group(1).length() == 1 && m.group(2).equals("ReqHeader")
          && value.toLowerCase(Locale.ROOT).startsWith(marker.toLowerCase(Locale.ROOT) + ":")) {
        out.put(value.substring(marker.length() + 1).strip(), current);
      }
    }
    return out;
  }

  /** The answer a live request gives, in the request model's terms: action line, then other clauses. */
  static List<String> answer(List<String[]> records) {
    List<String[]> headers = new ArrayList<>();
    String url = null;
    String method = null;
    List<String[]> entry = null;
    String entryUrl = null;
    String entryMethod = null;
    List<String[]> afterHash = null;
    String finalUrl = null;
    String finalMethod = null;
    String recv = null;
    String call = null;
    List<String> hash = new ArrayList<>();
    List<String[]> resp = new ArrayList<>();
    List<String[]> beforeSynth = null;
    List<String[]> synthHeaders = null;
    String status = null;
    String reason = null;
    String backend = null;
    for (String[] r : records) {
      String tag = r[1];
      String value = r[2];
      if (tag.equals("BackendOpen") || tag.equals("BackendReuse")) {
        backend = value.split("\\s+")[1];
      }
      if (!r[0].equals("1")) {
        continue;
      }
      switch (tag) {
        case "ReqMethod" -> method = value;
        case "ReqURL" -> url = value;
        case "ReqHeader" -> headers.add(split(value));
        case "ReqUnset" -> remove(headers, split(value));
        case "RespStatus" -> status = value;
        case "RespReason" -> reason = value;
        case "RespHeader" -> resp.add(split(value));
        case "RespUnset" -> remove(resp, split(value));
        case "Hash" -> {
          if ("HASH".equals(call)) {
            // Logged quoted, each part ending in its separator: "/path%00".
            String v = value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
            hash.add(v.endsWith("%00") ? v.substring(0, v.length() - 3) : v);
          }
        }
        case "VCL_call" -> {
          call = value;
          if (value.equals("RECV") && entry == null) {
            entry = copy(headers);
            entryUrl = url;
            entryMethod = method;
          }
          if (value.equals("SYNTH")) {
            beforeSynth = copy(resp);
          }
        }
        case "VCL_return" -> {
          if ("RECV".equals(call)) {
            recv = value;
          } else if ("HASH".equals(call) && afterHash == null) {
            afterHash = copy(headers);
            finalUrl = url;
            finalMethod = method;
          } else if ("SYNTH".equals(call)) {
            synthHeaders = new ArrayList<>();
            for (String[] h : resp) {
              if (beforeSynth.stream().noneMatch(b -> b[0].equalsIgnoreCase(h[0]) && b[1].equals(h[1]))) {
                synthHeaders.add(h);
              }
            }
          }
        }
        default -> {
          // not needed
        }
      }
    }
    List<String> out = new ArrayList<>();
    if (recv == null) {
      // No VCL ran: the HTTP/1 reader refused the request.
      out.add("refused 400 before VCL");
      return out;
    }
    String action;
    if (synthHeaders != null) {
      String prefix = recv.equals("purge") ? "purge; " : recv.equals("fail") ? "fail; " : "";
      action = prefix + "synth " + status + " \"" + reason + "\"";
    } else {
      action = recv;
    }
    out.add(action);
    List<String[]> finalHeaders = afterHash != null ? afterHash : headers;
    if (synthHeaders == null) {
      out.add("backend " + (backend == null ? "(none)" : backend));
    }
    if (!recv.equals("fail")) {
      out.addAll(changes(entry, entryUrl, entryMethod, finalHeaders, finalUrl != null ? finalUrl : url,
          finalMethod != null ? finalMethod : method));
    }
    if ("hash".equals(recv)) {
      StringBuilder h = new StringBuilder("hash");
      hash.forEach(x -> h.append(" \"").append(x).append('"'));
      out.add(h.toString());
    }
    if (synthHeaders != null) {
      for (String[] h : synthHeaders) {
        out.add("resp.http." + h[0] + ": " + h[1]);
      }
    }
    return out;
  }

  private static List<String> changes(List<String[]> entry, String entryUrl, String entryMethod,
      List<String[]> now, String url, String method) {
    List<String> out = new ArrayList<>();
    if (!url.equals(entryUrl)) {
      out.add("req.url: " + url);
    }
    if (!method.equals(entryMethod)) {
      out.add("req.method: " + method);
    }
    TreeSet<String> seen = new TreeSet<>();
    for (String[] h : now) {
      String name = h[0].toLowerCase(Locale.ROOT);
      if (!seen.add(name)) {
        continue;
      }
      String before = first(entry, name);
      if (before == null || !before.equals(h[1])) {
        out.add("req.http." + h[0] + ": " + h[1]);
      }
    }
    for (String[] h : entry) {
      if (first(now, h[0]) == null && !out.contains("unset req.http." + h[0])) {
        out.add("unset req.http." + h[0]);
      }
    }
    return out;
  }

  private static String first(List<String[]> headers, String name) {
    for (String[] h : headers) {
      if (h[0].equalsIgnoreCase(name)) {
        return h[1];
      }
    }
    return null;
  }

  private static String[] split(String line) {
    int colon = line.indexOf(':');
    return colon < 0 ? new String[] {line, ""} : new String[] {line.substring(0, colon), line.substring(colon + 1).strip()};
  }

  private static void remove(List<String[]> headers, String[] h) {
    for (int i = 0; i < headers.size(); i++) {
      if (headers.get(i)[0].equalsIgnoreCase(h[0]) && headers.get(i)[1].equals(h[1])) {
        headers.remove(i);
        return;
      }
    }
  }

  private static List<String[]> copy(List<String[]> list) {
    List<String[]> out = new ArrayList<>();
    list.forEach(h -> out.add(h.clone()));
    return out;
  }
}
