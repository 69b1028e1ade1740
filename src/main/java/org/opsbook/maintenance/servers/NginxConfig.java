package org.opsbook.maintenance.servers;

import org.opsbook.maintenance.page.AllowEntry;
import org.opsbook.maintenance.page.ServerSettings;

/**
 * nginx: an include for the {@code http} block with an upstream, the maps that decide who is
 * exempt, and a server. Maintenance is on while the flag file exists; nginx tests the file on
 * each request ({@code if (-f ...)}), so switching needs no reload.
 */
public final class NginxConfig implements ServerConfig {
  @Override
  public String fileName() {
    return "nginx.conf";
  }

  @Override
  public String language() {
    return "nginx";
  }

  @Override
  public String generate(ServedPage served) {
    ServerSettings server = served.server();
    String id = served.identifier();
    StringBuilder out = new StringBuilder();
    out.append(served.banner("#"));
    out.append("# Include inside the http { } block. Maintenance is on while this file exists:\n");
    out.append("#   touch ").append(server.flagFile()).append("    # on\n");
    out.append("#   rm ").append(server.flagFile()).append("       # off (no reload needed)\n\n");

    out.append("upstream ").append(id).append("_app {\n");
    out.append("    server ").append(server.upstream()).append(";\n");
    out.append("}\n\n");

    out.append("# Admin addresses that always reach the application.\n");
    out.append("geo $").append(id).append("_admin {\n");
    out.append("    default 0;\n");
    for (AllowEntry entry : served.page().allow()) {
      out.append("    ").append(entry.cidr()).append(" 1;\n");
    }
    out.append("}\n\n");

    out.append("# Requests carrying the bypass cookie set by the secret URL.\n");
    out.append("map $http_cookie $").append(id).append("_cookie {\n");
    out.append("    default 0;\n");
    served.cookieRegex().ifPresent(regex -> out.append("    \"~").append(regex).append("\" 1;\n"));
    out.append("}\n\n");

    out.append("# The health check, the secret URL and pass-through paths are never refused.\n");
    out.append("map $uri $").append(id).append("_path {\n");
    out.append("    default 0;\n");
    // Regular expressions rather than exact keys: a long key overflows map_hash_bucket_size.
    out.append("    \"~").append(ServedPage.quotePrefix(server.healthPath())).append("$\" 1;\n");
    // The secret URL is exempt here so that its location below runs; the server-level check comes first.
    served.bypassPath().ifPresent(path -> out.append("    \"~").append(ServedPage.quotePrefix(path)).append("$\" 1;\n"));
    for (String prefix : server.passPaths()) {
      out.append("    \"~").append(ServedPage.quotePrefix(prefix)).append("\" 1;\n");
    }
    out.append("}\n\n");

    String html = "";
    if (server.htmlOnly()) {
      out.append("# html_only: requests that do not accept HTML (scripts, images, API calls) pass.\n");
      out.append("map $http_accept $").append(id).append("_not_html {\n");
      out.append("    default 1;\n");
      out.append("    \"~*text/html\" 0;\n");
      out.append("}\n\n");
      html = "$" + id + "_not_html";
    }

    out.append("# \"0\" when the request gets the maintenance page, \"1\" when it is exempt.\n");
    out.append("map \"$").append(id).append("_admin$").append(id).append("_cookie$").append(id).append("_path")
        .append(html).append("\" $").append(id).append("_exempt {\n");
    out.append("    default 1;\n");
    out.append("    \"").append(server.htmlOnly() ? "0000" : "000").append("\" 0;\n");
    out.append("}\n\n");

    out.append("server {\n");
    out.append("    listen ").append(server.listenPort()).append(";\n");
    out.append("    server_name ").append(server.serverName()).append(";\n\n");
    out.append("    # Both conditions must hold: nginx's if has no 'and', so the state is built up in a variable.\n");
    out.append("    set $").append(id).append(" $").append(id).append("_exempt;\n");
    out.append("    if (-f ").append(server.flagFile()).append(") {\n");
    out.append("        set $").append(id).append(" \"${").append(id).append("}on\";\n");
    out.append("    }\n");
    out.append("    if ($").append(id).append(" = \"0on\") {\n");
    out.append("        return 503;\n");
    out.append("    }\n");
    out.append("    error_page 503 @").append(id).append(";\n\n");

    served.bypassPath().ifPresent(path -> {
      out.append("    # The secret URL: sets the bypass cookie, then sends the admin to the front page.\n");
      out.append("    location = ").append(path).append(" {\n");
      out.append("        add_header Set-Cookie \"").append(served.setCookie().orElseThrow()).append("\" always;\n");
      out.append("        add_header Cache-Control \"no-store\" always;\n");
      out.append("        return 302 /;\n");
      out.append("    }\n\n");
    });

    out.append("    location / {\n");
    out.append("        proxy_pass http://").append(id).append("_app;\n");
    out.append("        proxy_set_header Host $host;\n");
    out.append("        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n");
    out.append("    }\n\n");

    out.append("    # The page keeps the 503 status; 'always' is needed, or add_header skips error responses.\n");
    out.append("    location @").append(id).append(" {\n");
    out.append("        root ").append(server.installDir()).append(";\n");
    out.append("        types { }\n");
    out.append("        default_type \"text/html; charset=utf-8\";\n");
    out.append("        etag off;\n");
    out.append("        if_modified_since off;\n");
    out.append("        max_ranges 0;\n");
    out.append("        add_header Retry-After \"").append(served.page().retryAfterSeconds()).append("\" always;\n");
    out.append("        add_header Cache-Control \"no-store\" always;\n");
    out.append("        add_header Content-Security-Policy \"").append(served.contentSecurityPolicy()).append("\" always;\n");
    out.append("        try_files /index.html =503;\n");
    out.append("    }\n");
    out.append("}\n");
    return out.toString();
  }
}
