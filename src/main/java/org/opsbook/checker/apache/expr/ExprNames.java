package org.opsbook.checker.apache.expr;

import java.util.Locale;
import java.util.Set;

/**
 * The names ap_expr knows (util_expr_eval.c's providers, plus mod_ssl's when it is loaded):
 * variables, string functions and operators. Variables and functions compare case-insensitively,
 * unary operators case-sensitively, as core_expr_lookup does.
 */
final class ExprNames {
  static final Set<String> VARIABLES = Set.of(
      // conn_var_names
      "HTTPS", "IPV6", "CONN_LOG_ID", "CONN_REMOTE_ADDR", "HTTP2",
      // request_var_names
      "REQUEST_METHOD", "REQUEST_SCHEME", "REQUEST_URI", "REQUEST_FILENAME", "REMOTE_HOST", "REMOTE_IDENT",
      "REMOTE_USER", "SERVER_ADMIN", "SERVER_NAME", "SERVER_PORT", "SERVER_PROTOCOL", "SCRIPT_FILENAME",
      "PATH_INFO", "QUERY_STRING", "IS_SUBREQ", "DOCUMENT_ROOT", "AUTH_TYPE", "THE_REQUEST", "CONTENT_TYPE",
      "HANDLER", "REQUEST_LOG_ID", "SCRIPT_USER", "SCRIPT_GROUP", "DOCUMENT_URI", "LAST_MODIFIED",
      "CONTEXT_PREFIX", "CONTEXT_DOCUMENT_ROOT", "REQUEST_STATUS", "REMOTE_ADDR", "REMOTE_PORT",
      // req_header_var_names
      "HTTP_USER_AGENT", "HTTP_PROXY_CONNECTION", "HTTP_REFERER", "HTTP_COOKIE", "HTTP_FORWARDED", "HTTP_HOST",
      "HTTP_ACCEPT",
      // misc_var_names
      "TIME_YEAR", "TIME_MON", "TIME_DAY", "TIME_HOUR", "TIME_MIN", "TIME_SEC", "TIME_WDAY", "TIME",
      "SERVER_SOFTWARE", "API_VERSION");

  static final Set<String> FUNCTIONS = Set.of("osenv", "env", "resp", "req", "http", "note", "reqenv", "req_novary",
      "tolower", "toupper", "escape", "unescape", "file", "filesize", "base64", "unbase64", "sha1", "md5");
  /** Functions and operators a .htaccess file may not use (they read files). */
  static final Set<String> RESTRICTED = Set.of("file", "filesize", "d", "e", "f", "s", "L", "h", "x");
  static final Set<String> UNARY = Set.of("n", "z", "R", "T", "d", "e", "f", "s", "L", "h", "x", "F", "U", "A");
  static final Set<String> BINARY = Set.of("ipmatch", "fnmatch", "strmatch", "strcmatch");

  private ExprNames() {}

  static boolean isVariable(String name, boolean ssl) {
    String u = name.toUpperCase(Locale.ROOT);
    return VARIABLES.contains(u) || (ssl && u.startsWith("SSL_"));
  }

  static boolean isFunction(String name, boolean ldap) {
    String l = name.toLowerCase(Locale.ROOT);
    return FUNCTIONS.contains(l) || (ldap && l.equals("ldap"));
  }

  static boolean isListFunction(String name, boolean ssl) {
    return ssl && name.equals("PeerExtList");
  }
}
