package org.opsbook.maintenance.servers;

import java.util.stream.Collectors;
import org.opsbook.maintenance.page.ServerSettings;

/**
 * Apache httpd 2.4: a virtual host that proxies to the application and, while the flag file
 * exists, answers 503 through mod_rewrite ({@code RewriteCond FILE -f} is tested per request)
 * with the page as its {@code ErrorDocument}. Needs mod_rewrite, mod_headers, mod_alias,
 * mod_mime, mod_proxy and mod_proxy_http.
 */
public final class ApacheConfig implements ServerConfig {
  /** The internal URL the page is served under, only as the ErrorDocument. */
  static String internalPrefix(ServedPage served) {
    return "/__opsbook_maintenance/" + served.page().name() + "/";
  }

  @Override
  public String fileName() {
    return "apache.conf";
  }

  @Override
  public String language() {
    return "apache";
  }

  @Override
  public String generate(ServedPage served) {
    ServerSettings server = served.server();
    String internal = internalPrefix(served);
    StringBuilder out = new StringBuilder();
    out.append(served.banner("#"));
    out.append("# Needs: a2enmod rewrite headers alias mime proxy proxy_http\n");
    out.append("# Maintenance is on while this file exists (tested on every request, no reload):\n");
    out.append("#   touch ").append(server.flagFile()).append("    # on\n");
    out.append("#   rm ").append(server.flagFile()).append("       # off\n\n");
    out.append("<VirtualHost *:").append(server.listenPort()).append(">\n");
    if (!server.serverName().equals("_")) {
      out.append("    ServerName ").append(server.serverName()).append("\n");
    }
    out.append("\n    Alias \"").append(internal).append("\" \"").append(server.installDir()).append("/\"\n");
    out.append("    <Directory \"").append(server.installDir()).append("\">\n");
    out.append("        Require all granted\n");
    out.append("        Options None\n");
    out.append("        ForceType \"text/html; charset=utf-8\"\n");
    out.append("        FileETag None\n");
    out.append("        AllowOverride None\n");
    out.append("    </Directory>\n");
    out.append("    ErrorDocument 503 ").append(internal).append("index.html\n\n");

    out.append("    # Headers for the page. 'always' puts them on error responses too.\n");
    String isPage = "\"expr=%{REQUEST_URI} == '" + internal + "index.html'\"";
    out.append("    Header always set Retry-After \"").append(served.page().retryAfterSeconds()).append("\" ").append(isPage).append("\n");
    out.append("    Header always set Cache-Control \"no-store\" ").append(isPage).append("\n");
    out.append("    Header always set Content-Security-Policy \"").append(served.contentSecurityPolicy()).append("\" ").append(isPage).append("\n");
    out.append("\n");

    out.append("    RewriteEngine On\n");
    out.append("    # The page is reachable only as the ErrorDocument, never by its internal URL.\n");
    out.append("    RewriteCond \"%{ENV:REDIRECT_STATUS}\" \"^$\"\n");
    out.append("    RewriteRule \"^").append(internal).append("\" \"-\" [R=404,L]\n\n");
    served.bypassPath().ifPresent(path -> {
      String isBypass = "\"expr=%{REQUEST_URI} == '" + path + "'\"";
      out.append("    # The secret URL: sets the bypass cookie, then sends the admin to the front page.\n");
      out.append("    Header always set Set-Cookie \"").append(served.setCookie().orElseThrow()).append("\" ").append(isBypass).append("\n");
      out.append("    Header always set Cache-Control \"no-store\" ").append(isBypass).append("\n");
      out.append("    RewriteRule \"^").append(ServedPage.quotePrefix(path).substring(1)).append("$\" \"/\" [R=302,L]\n\n");
    });

    out.append("    # Everyone else gets 503 while the flag file exists.\n");
    out.append("    RewriteCond \"").append(server.flagFile()).append("\" -f\n");
    out.append("    RewriteCond \"%{REQUEST_URI}\" \"!^").append(internal).append("\"\n");
    out.append("    RewriteCond \"%{REQUEST_URI}\" \"!=").append(server.healthPath()).append("\"\n");
    for (String prefix : server.passPaths()) {
      out.append("    RewriteCond \"%{REQUEST_URI}\" \"!").append(ServedPage.quotePrefix(prefix)).append("\"\n");
    }
    served.cookieRegex().ifPresent(regex ->
        out.append("    RewriteCond \"%{HTTP_COOKIE}\" \"!").append(regex).append("\"\n"));
    if (!served.page().allow().isEmpty()) {
      // ap_expr: -R matches the client address (after mod_remoteip) against an address or CIDR.
      String addresses = served.page().allow().stream()
          .map(entry -> "-R '" + entry.cidr() + "'")
          .collect(Collectors.joining(" || "));
      out.append("    RewriteCond expr \"! (").append(addresses).append(")\"\n");
    }
    if (server.htmlOnly()) {
      out.append("    # html_only: requests that do not accept HTML pass.\n");
      out.append("    RewriteCond \"%{HTTP_ACCEPT}\" \"text/html\" [NC]\n");
    }
    out.append("    RewriteRule \"^\" \"-\" [R=503,L]\n\n");

    out.append("    ProxyPreserveHost On\n");
    out.append("    ProxyPass \"").append(internal).append("\" \"!\"\n");
    out.append("    ProxyPass \"/\" \"http://").append(server.upstream()).append("/\"\n");
    out.append("    ProxyPassReverse \"/\" \"http://").append(server.upstream()).append("/\"\n");
    out.append("</VirtualHost>\n");
    return out.toString();
  }
}
