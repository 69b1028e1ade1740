package org.opsbook.serverconfig;

import java.util.Locale;
import java.util.Map;

/**
 * An nginx {@code server} block (plus the {@code map} it uses) for {@code sites-available/}. It is
 * included inside {@code http {}}, as Debian's nginx.conf does for {@code sites-enabled/*}.
 */
public final class NginxVhost implements VhostTemplate {

  @Override
  public String name() {
    return "nginx";
  }

  @Override
  public String render(VhostOptions o) {
    String var = "$opsbook_cache_" + o.serverName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    StringBuilder s = new StringBuilder();
    s.append("# nginx virtual host for ").append(o.serverName()).append(", written by 'opsbook server-config nginx'.\n");
    s.append("# Include it inside http {} (Debian: /etc/nginx/sites-available/, then link it into sites-enabled/).\n");
    s.append("# The root is the 'current' link that 'opsbook publish' switches; nginx resolves it on every\n");
    s.append("# request, so a publish or rollback takes effect without a reload.\n\n");
    s.append("# Cache lifetimes by URL: hashed asset names never change content; pages change on publish.\n");
    s.append("map $uri ").append(var).append(" {\n");
    s.append("    \"~").append(SitePolicy.HASHED_ASSET_REGEX).append("\" \"").append(SitePolicy.HASHED_ASSET_CACHE).append("\";\n");
    s.append("    \"~(/|\\.html)$\" \"").append(SitePolicy.htmlCache(o)).append("\";\n");
    s.append("    default \"").append(SitePolicy.OTHER_CACHE).append("\";\n");
    s.append("}\n\n");
    if (o.tls() && o.listen().isEmpty()) {
      s.append("server {\n");
      s.append("    listen 80;\n");
      s.append("    listen [::]:80;\n");
      s.append("    server_name ").append(o.serverName()).append(";\n");
      s.append("    return 301 https://$host$request_uri;\n");
      s.append("}\n\n");
    }
    s.append("server {\n");
    String listen = o.listenOrDefault();
    s.append("    listen ").append(listen).append(o.tls() ? " ssl" : "").append(";\n");
    if (o.listen().isEmpty()) {
      s.append("    listen [::]:").append(listen).append(o.tls() ? " ssl" : "").append(";\n");
    }
    s.append("    server_name ").append(o.serverName()).append(";\n");
    if (o.tls()) {
      s.append("    ssl_certificate ").append(o.tlsCertificate().get()).append(";\n");
      s.append("    ssl_certificate_key ").append(o.tlsKey().get()).append(";\n");
      s.append("    ssl_protocols TLSv1.2 TLSv1.3;\n");
    }
    s.append("\n    root ").append(o.documentRoot()).append(";\n");
    s.append("    index index.html;\n");
    s.append("    charset utf-8;\n");
    s.append("    error_page 404 ").append(o.notFoundPage()).append(";\n\n");
    s.append("    # Serve the .gz files 'opsbook publish' writes beside text files, with Vary: Accept-Encoding.\n");
    s.append("    gzip_static on;\n");
    s.append("    gzip_vary on;\n\n");
    s.append("    # Every header is set here and in no location: an add_header inside a location would\n");
    s.append("    # drop all of these for that location (nginx inherits add_header only when a level has none).\n");
    s.append("    add_header Cache-Control ").append(var).append(" always;\n");
    for (Map.Entry<String, String> h : SitePolicy.securityHeaders(o).entrySet()) {
      s.append("    add_header ").append(h.getKey()).append(" \"").append(h.getValue()).append("\" always;\n");
    }
    if (!o.tls()) {
      s.append("    # No Strict-Transport-Security: browsers ignore it over plain HTTP (RFC 6797 section 8.1).\n");
    }
    s.append("\n    location / {\n");
    s.append("        try_files $uri $uri/ =404;\n");
    s.append("    }\n\n");
    s.append("    # Dot files (the publish marker, editor leftovers) are not part of the site.\n");
    s.append("    location ~ /\\.(?!well-known/) {\n");
    s.append("        return 404;\n");
    s.append("    }\n");
    s.append("}\n");
    return s.toString();
  }
}
