package org.opsbook.checker.nginx.request;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

class QuestionReaderFuzzTest {
  private static final String CONFIG = """
      map $http_cookie $c { default 0; "~session=(?<sid>[a-z0-9]+)" 1; }
      server {
          listen 80;
          server_name example.org *.example.org ~^(?<sub>.+)\\.example\\.net$;
          root /var/www;
          rewrite ^/old/(.*)$ /new/$1 permanent;
          location / { try_files $uri $uri/ @app; }
          location @app { proxy_pass http://127.0.0.1:8080; }
          location ~ \\.php$ { return 403; }
          location /r/ { rewrite ^/r/(.*)$ /r/$1 last; }
      }
      """;

  @FuzzTest(maxDuration = "20s")
  void readsAnyQuestionIntoARequestOrAReason(byte[] data) {
    String q = new String(data, StandardCharsets.UTF_8);
    QuestionReader.Read read = QuestionReader.read(q, null);
    assertTrue((read.request() == null) != (read.error() == null));
    if (read.request() != null) {
      var checker = new org.opsbook.checker.nginx.NginxChecker();
      var snippet = org.opsbook.check.Snippet.ofFile("nginx", CONFIG, "q.conf");
      checker.query(snippet, q, org.opsbook.check.CheckContext.empty());
    }
  }
}
