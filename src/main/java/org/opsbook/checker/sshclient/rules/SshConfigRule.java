package org.opsbook.checker.sshclient.rules;

import java.util.List;
import org.opsbook.checker.sshclient.model.Finding;
import org.opsbook.checker.sshclient.model.SshConfig;
import org.opsbook.diag.RuleId;

/** One lint rule over a parsed ssh_config. Implementations are stateless. */
public interface SshConfigRule {
  RuleId id();

  void check(SshConfig config, List<Finding> out);
}
