package org.opsbook.checker.haproxy.validate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opsbook.checker.haproxy.model.ReplyBuffer;
import org.opsbook.checker.haproxy.rules.HaproxyRules;

/**
 * Checks the files that become replies once {@code tune.bufsize} is known: an errorfile must be a
 * raw HTTP response HAProxy's parser accepts (http_htx.c, http_str_to_htx) that fits its buffer;
 * a reply body must fit the buffer and, to avoid the warning, leave the rewrite reserve free.
 * Stateless.
 */
final class Payloads {
  private Payloads() {}

  static void check(ReadContext ctx) {
    for (ReadContext.Payload p : ctx.payloads) {
      if (FileLookup.DEBIAN_FILES.contains(p.path()) && ctx.files.read(p.path()).isEmpty()) {
        continue;
      }
      String text = ctx.files.read(p.path()).orElse(null);
      if (text == null) {
        continue;
      }
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (p.errorfile()) {
        String problem = errorfileProblem(bytes, ctx.bufsize);
        if (problem != null) {
          ctx.report.parsing(HaproxyRules.FILE, p.line(), p.word(), p.keyword().equals("errorfile")
              ? "errorfile : '" + p.path() + "': " + problem
              : "error detected while parsing '" + p.keyword() + "' rule : '" + p.path() + "': " + problem, hint(problem));
        }
      } else if (!ReplyBuffer.payloadFits(bytes.length, ctx.bufsize)) {
        ctx.report.parsing(HaproxyRules.FILE, p.line(), p.word(), "error detected while parsing '" + p.keyword()
            + "' rule : file '" + p.path() + "' exceeds the buffer size (" + bytes.length + " > " + ctx.bufsize + ").",
            "raise tune.bufsize in the global section, or make the page smaller");
      } else if (!ReplyBuffer.payloadLeavesRewriteSpace(bytes.length, ctx.bufsize, ctx.maxrewrite)) {
        ctx.report.parsing(HaproxyRules.WARNING, p.line(), p.word(), "http reply payload runs over the buffer space "
            + "reserved to headers rewriting. It may lead to internal errors if strict rewriting mode is enabled.",
            "keep the page under " + (ctx.bufsize - ReplyBuffer.maxrewrite(ctx.bufsize, ctx.maxrewrite))
                + " bytes, or raise tune.bufsize");
      }
    }
  }

  private static String hint(String problem) {
    if (problem.startsWith("unable to parse headers")) {
      return "an errorfile holds a raw HTTP response: a status line such as 'HTTP/1.1 503 Service Unavailable', headers, "
          + "an empty line, then the body";
    }
    if (problem.startsWith("unable to add payload")) {
      return "raise tune.bufsize in the global section, or make the page smaller";
    }
    return null;
  }

  /** Why HAProxy refuses an errorfile's bytes, or null; an empty file is accepted. */
  static String errorfileProblem(byte[] bytes, int bufsize) {
    if (bytes.length == 0) {
      return null;
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int pos = 0;
    int eol = lineEnd(text, pos);
    if (eol < 0) {
      return "unable to parse headers (error offset: -2)";
    }
    String status = stripCr(text.substring(pos, eol));
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].matches("HTTP/[0-9]\\.[0-9]") || !parts[1].matches("[0-9]{3}")) {
      return "unable to parse headers (error offset: 0)";
    }
    pos = eol + 1;
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    long contentLength = -1;
    while (true) {
      eol = lineEnd(text, pos);
      if (eol < 0) {
        return "unable to parse headers (error offset: -2)";
      }
      String line = stripCr(text.substring(pos, eol));
      if (line.isEmpty()) {
        pos = eol + 1;
        break;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || !line.substring(0, colon).matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        return "unable to parse headers (error offset: " + pos + ")";
      }
      String name = line.substring(0, colon);
      String value = line.substring(colon + 1).strip();
      headers.add(Map.entry(name.toLowerCase(Locale.ROOT), value));
      if (name.equalsIgnoreCase("content-length")) {
        contentLength = value.matches("[0-9]{1,12}") ? Long.parseLong(value) : -2;
      }
      pos = eol + 1;
    }
    int body = bytes.length - pos;
    if (contentLength >= 0 && contentLength != body) {
      return "payload size does not match the announced content-length (" + body + " != " + contentLength + ")";
    }
    int buffer = ReplyBuffer.errorfileBytes(parts[0], parts[1], parts.length > 2 ? parts[2] : "", headers, body);
    if (!ReplyBuffer.errorfileFits(buffer, bufsize)) {
      return "unable to add payload into the HTX message";
    }
    return null;
  }

  private static int lineEnd(String text, int from) {
    return text.indexOf('\n', from);
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
