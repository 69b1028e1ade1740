package org.opsbook.checker.apache.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as httpd's request_rec holds it while the phases run: the decoded URI, the query
 * string, the file it maps to, environment variables, and, for an internal redirect, the status
 * that caused it. Mutable; one per (internal) request.
 */
final class RequestState {
  final Request request;
  final Server server;
  String uri;
  String args;
  String filename;
  /** Set when the file name is final (mod_rewrite, Alias): core translation and further aliases are skipped. */
  boolean translated;
  String proxyTarget;
  String handler;
  String forcedType;
  final Map<String, String> env = new TreeMap<>();
  /** Set-Cookie values from RewriteRule [CO=...], sent with every response. */
  final List<String> cookies = new ArrayList<>();
  final int redirectStatus;
  boolean endRewriting;
  /** The status a RewriteRule redirect asked for ([R=301]); 302 unless set. */
  int rewriteStatus = 302;
  /**
   * The status of the response being sent, once known (mod_headers' output filter, where
   * %{REQUEST_STATUS} is r->status: the error's status on an ErrorDocument page too); 0 before.
   */
  int responseStatus;

  RequestState(Request request, Server server, String uri, String args, int redirectStatus) {
    this.request = request;
    this.server = server;
    this.uri = uri;
    this.args = args;
    this.redirectStatus = redirectStatus;
  }

  /** The client's view of the URL path with its query, for redirects. */
  String uriWithArgs() {
    return args == null ? uri : uri + "?" + args;
  }
}
