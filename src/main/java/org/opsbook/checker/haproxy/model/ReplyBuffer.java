package org.opsbook.checker.haproxy.model;

import java.util.List;
import java.util.Map;

/**
 * How much of HAProxy 2.6's buffer a reply it builds itself takes, and whether it fits. HAProxy
 * keeps such a reply in one buffer of {@code tune.bufsize} bytes in its internal message layout
 * (HTX): a fixed part for the message, the status line's three strings, each header's name and
 * value plus 8 bytes, and the payload plus 8 bytes. Measured against Debian 12's haproxy 2.6.12:
 * with the default 16384-byte buffer, an {@code errorfile} holding a 34-byte status line, one
 * {@code Content-Type: text/html} header and 16232 bytes of body still loads, one byte more is
 * refused ("unable to add payload into the HTX message"); the fixed part is what makes those
 * numbers add up.
 *
 * <p>For {@code http-request return} HAProxy checks only the payload when it reads the
 * configuration (http_htx.c, http_parse_http_reply): more than the buffer is refused, more than
 * the buffer less {@code tune.maxrewrite} is a warning. At run time the status line and headers
 * must fit beside it as well; {@link #replyBytes} estimates that with room to spare, so a page
 * judged to fit really does. Stateless.
 */
public final class ReplyBuffer {
  public static final int DEFAULT_BUFSIZE = 16384;
  public static final int DEFAULT_MAXREWRITE = 1024;
  /** The HTX message header, start-line descriptor and end-of-headers block, measured. */
  static final int HTX_FIXED = 85;
  /** Each HTX block's own descriptor. */
  static final int HTX_BLOCK = 8;
  /**
   * What {@link #replyBytes} adds for the message layout at run time: more than the measured
   * fixed part, so an estimate errs on the side of "does not fit".
   */
  public static final int RUNTIME_MARGIN = 256;

  private ReplyBuffer() {}

  /** The reserve HAProxy keeps for rewrites: {@code tune.maxrewrite}, at most half the buffer. */
  public static int maxrewrite(int bufsize, int configured) {
    return Math.min(configured, bufsize / 2);
  }

  /**
   * Bytes an errorfile's response takes in the buffer once parsed.
   *
   * @param version the start line's protocol, such as {@code HTTP/1.1}
   * @param headers header names and values in order
   */
  public static int errorfileBytes(String version, String status, String reason, List<Map.Entry<String, String>> headers,
      int bodyBytes) {
    int bytes = HTX_FIXED + version.length() + status.length() + reason.length();
    for (Map.Entry<String, String> h : headers) {
      bytes += HTX_BLOCK + h.getKey().length() + h.getValue().length();
    }
    return bytes + HTX_BLOCK + bodyBytes;
  }

  /** Whether an errorfile of that many buffer bytes loads. */
  public static boolean errorfileFits(int bufferBytes, int bufsize) {
    return bufferBytes <= bufsize;
  }

  /** Whether {@code http-request return}'s payload is accepted at all (more than the buffer is refused). */
  public static boolean payloadFits(int payloadBytes, int bufsize) {
    return payloadBytes <= bufsize;
  }

  /** Whether the payload leaves the rewrite reserve free (otherwise HAProxy warns). */
  public static boolean payloadLeavesRewriteSpace(int payloadBytes, int bufsize, int maxrewrite) {
    return payloadBytes <= bufsize - maxrewrite(bufsize, maxrewrite);
  }

  /**
   * The bytes a reply takes at run time, estimated with {@link #RUNTIME_MARGIN}: its status line
   * and headers as written on the wire plus the payload.
   */
  public static int replyBytes(String statusLine, List<Map.Entry<String, String>> headers, int payloadBytes) {
    int bytes = statusLine.length() + 2;
    for (Map.Entry<String, String> h : headers) {
      bytes += h.getKey().length() + 2 + h.getValue().length() + 2;
    }
    return bytes + payloadBytes + RUNTIME_MARGIN;
  }
}
