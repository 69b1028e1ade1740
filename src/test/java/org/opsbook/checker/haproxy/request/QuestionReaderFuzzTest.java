package org.opsbook.checker.haproxy.request;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Snippet;
import org.opsbook.checker.haproxy.HaproxyChecker;

class QuestionReaderFuzzTest {
  private static final String CONFIG = """
      frontend web
          bind :80
          mode http
          acl on str(m),map(/etc/haproxy/switch.map,off) -m str on
          acl admin src 192.0.2.0/24 2001:db8::/32
          acl ck req.cook(bypass) -m str s3cr3t
          acl api path_beg -i /api/
          acl host hdr(host),lower -m dom example.org
          acl n req.hdr_cnt(x) gt 1
          acl r path_reg ^/r/[0-9]+$
          http-request set-header X-A yes if api
          http-request del-header X-B
          http-request redirect scheme https code 301 if host !{ ssl_fc }
          http-request return status 503 hdr Retry-After 60 if on !admin !ck
          use_backend api if api || n
          default_backend app

      backend api
          mode http
          http-request deny deny_status 405 if { method DELETE }
          server a 127.0.0.1:8081

      backend app
          mode http
          server p 127.0.0.1:8083
      """;
  private static final HaproxyChecker CHECKER = new HaproxyChecker();

  @FuzzTest(maxDuration = "20s")
  void readsAnyQuestionIntoARequestOrAReason(byte[] data) {
    String q = new String(data, StandardCharsets.UTF_8);
    QuestionReader.Read read = QuestionReader.read(q, null);
    assertTrue((read.request() == null) != (read.error() == null));
    CHECKER.query(Snippet.ofFile("haproxy", CONFIG, "q.cfg"), q, CheckContext.empty());
  }
}
