package org.opsbook.maintenance.servers;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.opsbook.checker.haproxy.model.ReplyBuffer;
import org.opsbook.maintenance.page.ServerSettings;

/**
 * HAProxy 2.2 or later: a frontend that answers with {@code http-request return ... file} while
 * a map entry says maintenance is on. HAProxy cannot test for a file per request, so the switch
 * is a one-line map file that the runtime API can change without a reload.
 *
 * <p>HAProxy builds such a reply in one buffer of {@code tune.bufsize} bytes (16384 by default).
 * When it reads the file it warns if the page leaves less than {@code tune.maxrewrite} (1024)
 * bytes free, and refuses a page larger than the buffer (http_htx.c, http_parse_http_reply); at
 * run time the status line and headers must fit beside the page as well. When the page does not
 * fit, the generated config raises {@code tune.bufsize} in a {@code global} section, which costs
 * that much memory per buffer for every connection. The arithmetic is the HAProxy checker's
 * ({@link ReplyBuffer}), so the generator and the checker of its output agree.
 */
public final class HaproxyConfig implements ServerConfig {
  public static final int DEFAULT_BUFSIZE = ReplyBuffer.DEFAULT_BUFSIZE;
  public static final int DEFAULT_MAXREWRITE = ReplyBuffer.DEFAULT_MAXREWRITE;

  /** The switch map's one line while the site is up; {@code set map ... on} turns the page on. */
  public static final String SWITCH_OFF = "maintenance off\n";

  /** The map file that holds the switch, next to the page. */
  public static String switchMap(ServerSettings server) {
    return server.installDir() + "/haproxy-switch.map";
  }

  @Override
  public String fileName() {
    return "haproxy.cfg";
  }

  @Override
  public String language() {
    return "haproxy";
  }

  /** Bytes the whole reply needs in HAProxy's buffer at run time: page, headers, internal overhead. */
  public static int replyBytes(ServedPage served) {
    return ReplyBuffer.replyBytes("HTTP/1.1 503 Service Unavailable", List.of(
        Map.entry("content-type", "text/html; charset=utf-8"),
        Map.entry("content-length", Integer.toString(served.pageBytes())),
        Map.entry("retry-after", Integer.toString(served.page().retryAfterSeconds())),
        Map.entry("cache-control", "no-store"),
        Map.entry("content-security-policy", served.contentSecurityPolicy())), served.pageBytes());
  }

  /** Whether the reply fits the default buffer without raising {@code tune.bufsize}. */
  public static boolean fitsDefaultBuffer(ServedPage served) {
    return fits(served, DEFAULT_BUFSIZE);
  }

  private static boolean fits(ServedPage served, int bufsize) {
    return ReplyBuffer.payloadLeavesRewriteSpace(served.pageBytes(), bufsize, DEFAULT_MAXREWRITE)
        && replyBytes(served) <= bufsize;
  }

  /** The buffer size the generated config asks for: the default, or enough rounded up to 4 KiB. */
  public static int bufferSize(ServedPage served) {
    if (fitsDefaultBuffer(served)) {
      return DEFAULT_BUFSIZE;
    }
    int needed = Math.max(served.pageBytes() + DEFAULT_MAXREWRITE, replyBytes(served));
    int rounded = (needed + 4095) / 4096 * 4096;
    return fits(served, rounded) ? rounded : rounded + 4096;
  }

  @Override
  public String generate(ServedPage served) {
    ServerSettings server = served.server();
    String id = served.identifier();
    String map = switchMap(server);
    StringBuilder out = new StringBuilder();
    out.append(served.banner("#"));
    out.append("# Needs HAProxy 2.2 or later (http-request return). The switch is the map file\n");
    out.append("# ").append(map).append(", one line: 'maintenance on' or 'maintenance off'.\n");
    out.append("# Switch without a reload through the runtime API, and edit the file so a reload agrees:\n");
    out.append("#   echo 'set map ").append(map).append(" maintenance on' | socat stdio /run/haproxy/admin.sock\n\n");
    if (!fitsDefaultBuffer(served)) {
      out.append("# The page (").append(served.pageBytes()).append(" bytes) and its headers do not fit HAProxy's default\n");
      out.append("# ").append(DEFAULT_BUFSIZE).append("-byte buffer less ").append(DEFAULT_MAXREWRITE)
          .append(" bytes kept for rewrites, so the buffer is raised. Every\n");
      out.append("# connection pays for it; a smaller page keeps the default.\n");
      out.append("global\n");
      out.append("    tune.bufsize ").append(bufferSize(served)).append("\n\n");
    }
    out.append("frontend ").append(id).append("\n");
    out.append("    bind :").append(server.listenPort()).append("\n");
    out.append("    mode http\n");
    out.append("    acl ").append(id).append("_on str(maintenance),map(").append(map).append(",off) -m str on\n");
    if (!served.page().allow().isEmpty()) {
      out.append("    acl ").append(id).append("_admin src ")
          .append(served.page().allow().stream().map(entry -> entry.cidr()).collect(Collectors.joining(" ")))
          .append("\n");
    }
    served.cookieValue().ifPresent(value ->
        out.append("    acl ").append(id).append("_cookie req.cook(").append(ServedPage.COOKIE).append(") -m str ")
            .append(value).append("\n"));
    out.append("    acl ").append(id).append("_pass path ").append(server.healthPath()).append("\n");
    for (String prefix : server.passPaths()) {
      out.append("    acl ").append(id).append("_pass path_beg ").append(prefix).append("\n");
    }
    if (server.htmlOnly()) {
      out.append("    acl ").append(id).append("_html req.hdr(accept) -m sub -i text/html\n");
    }
    served.bypassPath().ifPresent(path ->
        out.append("    http-request return status 302 hdr Location / hdr Cache-Control no-store hdr Set-Cookie \"")
            .append(served.setCookie().orElseThrow()).append("\" if { path ").append(path).append(" }\n"));
    out.append("    http-request return status 503 content-type \"text/html; charset=utf-8\" file ").append(server.pageFile())
        .append(" hdr Retry-After ").append(served.page().retryAfterSeconds())
        .append(" hdr Cache-Control no-store hdr Content-Security-Policy \"").append(served.contentSecurityPolicy())
        .append("\" if ").append(id).append("_on");
    if (!served.page().allow().isEmpty()) {
      out.append(" !").append(id).append("_admin");
    }
    if (served.cookieValue().isPresent()) {
      out.append(" !").append(id).append("_cookie");
    }
    out.append(" !").append(id).append("_pass");
    if (server.htmlOnly()) {
      out.append(" ").append(id).append("_html");
    }
    out.append("\n");
    out.append("    default_backend ").append(id).append("_app\n\n");
    out.append("backend ").append(id).append("_app\n");
    out.append("    mode http\n");
    out.append("    server app ").append(server.upstream()).append("\n");
    return out.toString();
  }
}
