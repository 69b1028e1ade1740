package org.opsbook.checker.apache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.apache.catalogue.ModuleSet;
import org.opsbook.checker.apache.model.Problem;

/**
 * {@code .htaccess} files against a live apache2: httpd reads them only when a request reaches
 * their folder ({@code apache2 -t} never does), and answers 500 when one holds a directive it
 * refuses. Each file sits in a folder of its own under a document root with {@code AllowOverride
 * All}; opsbook reads it as a snippet with {@code file=.../.htaccess}. The verdicts must agree
 * (httpd logs no line number for these).
 */
@Tag("oracle")
class ApacheHtaccessOracleTest {
  private static final Map<String, String> FILES = new LinkedHashMap<>();

  static {
    FILES.put("rewrite-front-controller", "RewriteEngine On\nRewriteBase /\nRewriteCond %{REQUEST_FILENAME} !-f\n"
        + "RewriteCond %{REQUEST_FILENAME} !-d\nRewriteRule . /index.html [L]\n");
    FILES.put("rewrite-bad-flag", "RewriteEngine On\nRewriteRule ^old$ new [R=301,LL]\n");
    FILES.put("require-and-auth", "AuthType Basic\nAuthName \"Members\"\nAuthUserFile /etc/apache2/.htpasswd-none\n"
        + "<RequireAny>\n    Require ip 127.0.0.1\n    Require valid-user\n</RequireAny>\n");
    FILES.put("servername", "ServerName www.example.org\n");
    FILES.put("virtualhost", "<VirtualHost *:80>\n</VirtualHost>\n");
    FILES.put("directory-section", "<Directory /srv>\n    Require all granted\n</Directory>\n");
    FILES.put("files-section", "<Files \"secret.txt\">\n    Require all denied\n</Files>\n");
    FILES.put("options-indexes", "Options -Indexes +FollowSymLinks\n");
    FILES.put("options-bad", "Options -Indexs\n");
    FILES.put("headers-and-expires", "Header set Cache-Control \"max-age=60\"\n<IfModule mod_expires.c>\n"
        + "    ExpiresActive On\n</IfModule>\n");
    FILES.put("errordocument", "ErrorDocument 404 /missing.html\n");
    FILES.put("redirect", "Redirect 301 /old https://www.example.org/new\n");
    FILES.put("proxypass", "ProxyPass /app http://127.0.0.1:9/\n");
    FILES.put("allowoverride", "AllowOverride None\n");
    FILES.put("typo", "RewriteEngin On\n");
    FILES.put("order-allow", "Order allow,deny\nAllow from all\n");
    FILES.put("if-section", "<If \"%{QUERY_STRING} =~ /debug/\">\n    Require all denied\n</If>\n");
    FILES.put("define", "Define X y\n");
    FILES.put("adddefaultcharset", "AddDefaultCharset UTF-8\nAddType text/plain .log\n");
    FILES.put("unclosed-section", "<Files \"a.txt\">\n    Require all denied\n");
  }

  @Test
  void htaccessFilesAgreeWithALiveApache2() throws IOException {
    Optional<RealApache> real = RealApache.create();
    Assumptions.assumeTrue(real.isPresent(), "apache2 is not installed (.ci/install-tools installs it)");
    Map<String, String> disagreements = new TreeMap<>();
    int refused = 0;
    try (RealApache httpd = real.get()) {
      String vhost = "<VirtualHost *:80>\n    ServerName hta.example.org\n    DocumentRoot /srv/www/hta\n"
          + "    <Directory /srv/www/hta>\n        AllowOverride All\n        Require all granted\n    </Directory>\n"
          + "</VirtualHost>\n";
      for (Map.Entry<String, String> f : FILES.entrySet()) {
        httpd.createFile("/srv/www/hta/" + f.getKey() + "/index.html");
        Path file = httpd.onDisk("/srv/www/hta/" + f.getKey() + "/.htaccess");
        Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
      }
      try (RealApache.Running server = httpd.start(List.of(new RealApache.Snippet("hta", vhost, "server",
          ModuleSet.defaults())))) {
        for (Map.Entry<String, String> f : FILES.entrySet()) {
          LiveHttp.Reply reply = LiveHttp.send("127.0.0.1", server.port(), "GET", "/" + f.getKey() + "/index.html",
              Map.of("Host", "hta.example.org"));
          boolean theirs = reply.status() != 500;
          Snippet s = Snippet.of("apache", f.getValue(), f.getKey(), Map.of("file", "/var/www/html/.htaccess"));
          Optional<Problem> mine = ConfigReader.read(s, ModuleSet.defaults(), IncludedFiles.NONE,
              ConfigReader.wrapping(s).orElseThrow()).firstFatal();
          refused += theirs ? 0 : 1;
          if (theirs != mine.isEmpty()) {
            disagreements.put(f.getKey(), "httpd " + reply.status() + "; opsbook "
                + mine.map(Problem::message).orElse("accepts it"));
          }
        }
      }
    }
    OracleCorpus.figures("htaccess-oracle", String.format(java.util.Locale.ROOT, "%d .htaccess files, httpd refused %d; "
        + "%d agree", FILES.size(), refused, FILES.size() - disagreements.size()), disagreements);
    assertEquals(Map.of(), disagreements, "opsbook and a live apache2 read .htaccess differently");
  }
}
