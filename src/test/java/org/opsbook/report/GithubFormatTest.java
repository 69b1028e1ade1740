package org.opsbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GithubFormatTest {

  @Test
  void writesOneWorkflowCommandPerFindingThenTheSummary() {
    List<String> lines = ReportFixtures.render(new GithubFormat(), ReportFixtures.mixed()).lines().toList();
    assertEquals(
        List.of(
            "::error file=content/articles/ssh bastion/index.md,line=14,col=1,title=sshd.unknown-keyword"
                + "::unknown keyword 'PermitRootLogn': 50%25 sure, a typo, line 14%0Ahint: did you mean"
                + " PermitRootLogin?%0Asee sshd_config(5)",
            "::warning file=content/articles/ssh bastion/index.md,line=15,col=17,title=sshd.permit-root-login"
                + "::root can log in <yes> & more",
            "::error file=content/articles/tor-nat/index.md,line=8,col=12,title=opsbook.broken-link"
                + "::link to ../nowhere/ does not resolve\u0007",
            "::error file=content/articles/tor-nat/index.md,line=30,col=24,title=iptables.port-without-protocol"
                + "::--dport needs -p tcp or -p udp",
            "::error file=content/articles/tor-nat/index.md,line=62,col=1,title=opsbook.test-failed"
                + "::test failed for snippet 'nat': udp 10.0.0.2:5353 -> 1.1.1.1:53 => DROP%0Ahint: expected"
                + " DROP, got ACCEPT%0Atrace: nat/OUTPUT rule 3",
            "3 errors, 1 warning in 3 checked snippets (1 not checked); 2 tests: 1 passed, 1 failed"),
        lines);
  }

  @Test
  void escapesPercentFirstThenLineBreaks() {
    assertEquals("100%25%0D%0Adone", GithubFormat.data("100%\r\ndone"));
    assertEquals("%250A", GithubFormat.data("%0A"));
  }

  @Test
  void escapesColonAndCommaInProperties() {
    assertEquals("C%3A/a%2Cb%25.md", GithubFormat.property("C:/a,b%.md"));
  }
}
