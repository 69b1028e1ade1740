package org.opsbook.checker.haproxy.validate;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Proxy keywords and options that HAProxy 2.x refuses, with the message it gives (cfgparse-listen.c
 * and proxy.c keep them only to say what replaced them).
 */
final class Removed {
  private static final Map<String, String> KEYWORDS = new TreeMap<>();
  private static final Map<String, String> OPTIONS = new TreeMap<>();

  static {
    String since21 = " directive is not supported anymore since HAProxy 2.1. Use ";
    KEYWORDS.put("reqadd", "The 'reqadd'" + since21 + "'http-request add-header' instead.");
    KEYWORDS.put("reqrep", "The 'reqrep'" + since21 + "'http-request replace-path', 'http-request replace-uri' or "
        + "'http-request replace-header' instead.");
    KEYWORDS.put("reqirep", "The 'reqirep'" + since21 + "'http-request replace-header' instead.");
    KEYWORDS.put("reqdel", "The 'reqdel'" + since21 + "'http-request del-header' instead.");
    KEYWORDS.put("reqidel", "The 'reqidel'" + since21 + "'http-request del-header' instead.");
    KEYWORDS.put("reqallow", "The 'reqallow'" + since21 + "'http-request allow' instead.");
    KEYWORDS.put("reqiallow", "The 'reqiallow'" + since21 + "'http-request allow' instead.");
    KEYWORDS.put("reqdeny", "The 'reqdeny' not supported anymore since HAProxy 2.1. Use 'http-request deny' instead.");
    KEYWORDS.put("reqideny", "The 'reqideny' not supported anymore since HAProxy 2.1. Use 'http-request deny' instead.");
    KEYWORDS.put("reqpass", "The 'reqpass' not supported anymore since HAProxy 2.1.");
    KEYWORDS.put("reqipass", "The 'reqipass' not supported anymore since HAProxy 2.1.");
    KEYWORDS.put("reqtarpit", "The 'reqtarpit'" + since21 + "'http-request tarpit' instead.");
    KEYWORDS.put("reqitarpit", "The 'reqitarpit'" + since21 + "'http-request tarpit' instead.");
    KEYWORDS.put("rspadd", "The 'rspadd'" + since21 + "'http-response add-header' instead.");
    KEYWORDS.put("rsprep", "The 'rsprep'" + since21 + "'http-response replace-header' instead.");
    KEYWORDS.put("rspirep", "The 'rspirep'" + since21 + "'http-response replace-header' instead.");
    KEYWORDS.put("rspdel", "The 'rspdel'" + since21 + "'http-response del-header' .");
    KEYWORDS.put("rspidel", "The 'rspidel'" + since21 + "'http-response del-header' .");
    KEYWORDS.put("rspdeny", "The 'rspdeny'" + since21 + "'http-response deny' instead.");
    KEYWORDS.put("rspideny", "The 'rspideny'" + since21 + "'http-response deny' instead.");
    KEYWORDS.put("block", "The 'block' directive is not supported anymore since HAProxy 2.1. Use 'http-request deny' "
        + "which uses the exact same syntax.");
    KEYWORDS.put("redispatch", "keyword 'redispatch' directive is not supported anymore since HAProxy 2.1. Use "
        + "'option redispatch'.");
    KEYWORDS.put("redisp", "keyword 'redisp' directive is not supported anymore since HAProxy 2.1. Use "
        + "'option redispatch'.");
    KEYWORDS.put("contimeout", "the 'contimeout' directive is not supported anymore since HAProxy 2.1. Use 'timeout "
        + "connect'.");
    KEYWORDS.put("clitimeout", "the 'clitimeout' directive is not supported anymore since HAProxy 2.1. Use 'timeout "
        + "client'.");
    KEYWORDS.put("srvtimeout", "the 'srvtimeout' directive is not supported anymore since HAProxy 2.1. Use 'timeout "
        + "server'.");
    KEYWORDS.put("appsession", "'appsession' is not supported anymore since HAProxy 1.6.");
    KEYWORDS.put("monitor-net", "'monitor-net' doesn't exist anymore. Please use 'http-request return status 200 if { "
        + "src <net> }' instead.");
    KEYWORDS.put("grace", "the 'grace' keyword is not supported any more since HAProxy version 2.5.");
    KEYWORDS.put("cliexp", "The 'cliexp'" + since21 + "'http-request replace-path', 'http-request replace-uri' or "
        + "'http-request replace-header' instead.");
    KEYWORDS.put("srvexp", "The 'srvexp'" + since21 + "'http-response replace-header' instead.");

    OPTIONS.put("forceclose", "option 'forceclose' is not supported any more since HAProxy 2.0, please just remove it, "
        + "or use 'option httpclose' if absolutely needed.");
    OPTIONS.put("http-tunnel", "option 'http-tunnel' is not supported any more since HAProxy 2.1, please just remove "
        + "it, it shouldn't be needed.");
    OPTIONS.put("http_proxy", "option 'http_proxy' is not supported any more since HAProxy 2.5. This option stopped "
        + "working in HAProxy 1.9 and usually had nasty side effects. It can be more reliably implemented with "
        + "combinations of 'http-request set-dst' and 'http-request set-uri', and even 'http-request do-resolve' if DNS "
        + "resolution is desired.");
  }

  private Removed() {}

  static Optional<String> keyword(String name) {
    return Optional.ofNullable(KEYWORDS.get(name));
  }

  static Optional<String> option(String name) {
    return Optional.ofNullable(OPTIONS.get(name));
  }
}
