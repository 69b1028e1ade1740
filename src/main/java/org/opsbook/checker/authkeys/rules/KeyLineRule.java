package org.opsbook.checker.authkeys.rules;

import java.time.LocalDateTime;
import java.util.List;
import org.opsbook.checker.authkeys.model.AuthorizedKeys;
import org.opsbook.checker.authkeys.model.Finding;
import org.opsbook.diag.RuleId;

/** One lint rule over parsed key lines. Stateless. */
public interface KeyLineRule {
  RuleId id();

  /** @param now the time expiry is judged against */
  void check(AuthorizedKeys keys, LocalDateTime now, List<Finding> out);
}
