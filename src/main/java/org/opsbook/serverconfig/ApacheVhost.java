package org.opsbook.serverconfig;

import java.util.Map;

/**
 * An Apache httpd {@code <VirtualHost>} for {@code sites-available/}. Needs mod_headers,
 * mod_rewrite and mod_mime (and mod_ssl with TLS): {@code a2enmod headers rewrite ssl}.
 */
public final class ApacheVhost implements VhostTemplate {

  @Override
  public String name() {
    return "apache";
  }

  @Override
  public String render(VhostOptions o) {
    String root = o.documentRoot();
    String port = o.listenOrDefault().substring(o.listenOrDefault().lastIndexOf(':') + 1);
    StringBuilder s = new StringBuilder();
    s.append("# Apache virtual host for ").append(o.serverName()).append(", written by 'opsbook server-config apache'.\n");
    s.append("# Needs: a2enmod headers rewrite").append(o.tls() ? " ssl" : "").append("; then a2ensite and a reload.\n");
    s.append("# The DocumentRoot is the 'current' link that 'opsbook publish' switches.\n\n");
    if (o.tls() && o.listen().isEmpty()) {
      s.append("<VirtualHost *:80>\n");
      s.append("    ServerName ").append(o.serverName()).append("\n");
      s.append("    Redirect permanent / https://").append(o.serverName()).append("/\n");
      s.append("</VirtualHost>\n\n");
    }
    s.append("<VirtualHost *:").append(port).append(">\n");
    s.append("    ServerName ").append(o.serverName()).append("\n");
    s.append("    DocumentRoot ").append(root).append("\n");
    if (o.tls()) {
      s.append("    SSLEngine on\n");
      s.append("    SSLCertificateFile ").append(o.tlsCertificate().get()).append("\n");
      s.append("    SSLCertificateKeyFile ").append(o.tlsKey().get()).append("\n");
      s.append("    SSLProtocol -all +TLSv1.2 +TLSv1.3\n");
    }
    s.append("    ErrorDocument 404 ").append(o.notFoundPage()).append("\n");
    s.append("    AddDefaultCharset utf-8\n\n");
    for (Map.Entry<String, String> h : SitePolicy.securityHeaders(o).entrySet()) {
      s.append("    Header always set ").append(h.getKey()).append(" \"").append(h.getValue()).append("\"\n");
    }
    if (!o.tls()) {
      s.append("    # No Strict-Transport-Security: browsers ignore it over plain HTTP (RFC 6797 section 8.1).\n");
    }
    s.append("\n    <Directory ").append(root).append(">\n");
    s.append("        Options -Indexes +FollowSymLinks\n");
    s.append("        AllowOverride None\n");
    s.append("        Require all granted\n");
    s.append("        DirectoryIndex index.html\n\n");
    s.append("        # Cache lifetimes: hashed asset names never change content; pages change on publish.\n");
    s.append("        Header set Cache-Control \"").append(SitePolicy.OTHER_CACHE).append("\"\n");
    s.append("        <FilesMatch \"\\.html(\\.gz)?$\">\n");
    s.append("            Header set Cache-Control \"").append(SitePolicy.htmlCache(o)).append("\"\n");
    s.append("        </FilesMatch>\n");
    s.append("        <FilesMatch \"").append(SitePolicy.HASHED_ASSET_REGEX.replace("$", "(\\.gz)?$")).append("\">\n");
    s.append("            Header set Cache-Control \"").append(SitePolicy.HASHED_ASSET_CACHE).append("\"\n");
    s.append("        </FilesMatch>\n\n");
    s.append("        # Serve the .gz sibling 'opsbook publish' writes when the client accepts gzip\n");
    s.append("        # (the pattern from the mod_deflate manual, 'Serving pre-compressed content').\n");
    s.append("        RewriteEngine On\n");
    s.append("        RewriteCond \"%{HTTP:Accept-Encoding}\" \"gzip\"\n");
    s.append("        RewriteCond \"%{REQUEST_FILENAME}.gz\" -s\n");
    s.append("        RewriteRule \"^(.+\\.(").append(String.join("|", SitePolicy.PRECOMPRESSED.keySet())).append("))$\" \"$1.gz\" [QSA]\n");
    for (Map.Entry<String, String> t : SitePolicy.PRECOMPRESSED.entrySet()) {
      s.append("        RewriteRule \"\\.").append(t.getKey()).append("\\.gz$\" \"-\" [T=").append(t.getValue()).append(",E=no-gzip:1]\n");
    }
    s.append("        <FilesMatch \"\\.(").append(String.join("|", SitePolicy.PRECOMPRESSED.keySet())).append(")\\.gz$\">\n");
    s.append("            Header append Content-Encoding gzip\n");
    s.append("            Header append Vary Accept-Encoding\n");
    s.append("        </FilesMatch>\n");
    s.append("    </Directory>\n\n");
    s.append("    # Dot files (the publish marker, editor leftovers) are not part of the site.\n");
    s.append("    <LocationMatch \"/\\.(?!well-known/)\">\n");
    s.append("        Require all denied\n");
    s.append("    </LocationMatch>\n");
    s.append("</VirtualHost>\n");
    return s.toString();
  }
}
