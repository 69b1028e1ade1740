package org.opsbook.checker.vcl.sim;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.opsbook.check.Answer;
import org.opsbook.check.CheckContext;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.checker.vcl.VclChecker;

class QuestionReaderFuzzTest {
  private static final String VCL = """
      vcl 4.1;
      import std;
      backend app { .host = "127.0.0.1"; .port = "8080"; }
      acl admins { "192.0.2.0"/24; "2001:db8::"/32; }
      sub vcl_recv {
          set req.url = regsuball(std.querysort(req.url), "utm_[a-z]+=[^&]*&?", "");
          if (std.file_exists("/flag") && client.ip !~ admins) {
              return (synth(750));
          }
          if (req.http.Cookie ~ "(^|;\\\\s*)bypass=1") {
              return (pass);
          }
      }
      sub vcl_synth {
          if (resp.status == 750) {
              set resp.status = 503;
              set resp.http.Retry-After = "60";
              return (deliver);
          }
      }
      """;
  private static final VclChecker CHECKER = new VclChecker();
  private static final Snippet SNIPPET = Snippet.ofFile("vcl", VCL, "q.vcl");

  @FuzzTest(maxDuration = "30s")
  void fuzzQuestion(byte[] data) {
    String question = new String(data, StandardCharsets.UTF_8);
    QuestionReader.Read read = QuestionReader.read(question);
    assertTrue((read.request() == null) != (read.problem() == null));
    if (read.problem() != null) {
      assertTrue(read.problem().offset() >= 0 && read.problem().offset() <= question.length() + 1);
    }
    QueryResult r = CHECKER.query(SNIPPET, question, CheckContext.empty());
    assertNotNull(r.output());
    if (read.request() != null && r.found()) {
      Answer again = Answer.of(r.output());
      assertTrue(RequestModel.compare(question, again.text(), again.text()).agrees()
          || again.text().isBlank());
    }
  }
}
