package org.opsbook.checker.haproxy.validate;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The proxy keywords matrix of the configuration manual (section 4.1): which kinds of section take
 * each keyword. A keyword that needs a side the proxy lacks is ignored with a warning, except the
 * few HAProxy refuses (listed as errors); one not allowed in defaults is an error there.
 */
final class ProxyKeywords {
  /**
   * Where a keyword may stand.
   *
   * @param defaults Y, N, or ! for named defaults sections only
   * @param side both, fe (needs the frontend side) or be (needs the backend side)
   * @param error whether lacking the side is an error rather than a warning
   */
  record Spec(String name, char defaults, String side, boolean error) {}

  private static final Map<String, Spec> ALL = new TreeMap<>();

  static {
    // keyword, defaults, side, error-when-side-missing
    String table = """
        acl ! both -
        backlog Y fe -
        balance Y be -
        bind N fe -
        bind-process Y both -
        capture N fe -
        clitcpka-cnt Y fe -
        clitcpka-idle Y fe -
        clitcpka-intvl Y fe -
        compression Y both -
        cookie Y be -
        declare N fe E
        default-server Y be E
        default_backend Y fe -
        description N both -
        disabled Y both -
        dispatch N be -
        dynamic-cookie-key Y be -
        email-alert Y both -
        enabled Y both -
        errorfile Y both -
        errorfiles Y both -
        errorloc Y both -
        errorloc302 Y both -
        errorloc303 Y both -
        error-log-format Y fe -
        external-check Y be -
        filter N both -
        force-persist N be -
        fullconn Y be -
        hash-balance-factor Y be -
        hash-type Y be -
        http-after-response ! both -
        http-check Y be -
        http-error Y both -
        http-request ! both -
        http-response ! both -
        http-reuse Y be -
        http-send-name-header Y be -
        id N both -
        ignore-persist N be -
        load-server-state-from-file Y be -
        log Y both -
        log-format Y fe -
        log-format-sd Y fe -
        log-tag Y both -
        max-keep-alive-queue Y be -
        max-session-srv-conns Y fe -
        maxconn Y fe -
        mode Y both -
        monitor N fe -
        monitor-uri Y fe -
        option Y both -
        persist Y be -
        rate-limit Y fe -
        redirect N both -
        retries Y be -
        retry-on Y be E
        server N be E
        server-state-file-name Y be -
        server-template N be E
        source Y be -
        srvtcpka-cnt Y be -
        srvtcpka-idle Y be -
        srvtcpka-intvl Y be -
        stats Y both -
        stick N be -
        stick-table N both -
        tcp-check Y be -
        tcp-request ! both -
        tcp-response ! be E
        timeout Y both -
        transparent Y be -
        unique-id-format Y fe -
        unique-id-header Y fe -
        use-fcgi-app N be -
        use-server N be -
        use_backend N fe -
        """;
    for (String row : table.strip().split("\n")) {
      String[] f = row.strip().split(" ");
      ALL.put(f[0], new Spec(f[0], f[1].charAt(0), f[2], f[3].equals("E")));
    }
  }

  private ProxyKeywords() {}

  static Optional<Spec> of(String keyword) {
    return Optional.ofNullable(ALL.get(keyword));
  }

  static java.util.Set<String> names() {
    return ALL.keySet();
  }
}
