package org.opsbook.check;

/**
 * One check over a checker's parsed model: its {@link RuleInfo} and a method that reports what it
 * finds. Every checker's rules have this one shape, whatever the model is. Implementations are
 * stateless, so one instance serves every snippet of a build from several threads.
 *
 * @param <M> the model the checker's parser produces, such as a parsed {@code sshd_config}
 */
public interface Rule<M> {

  /** What this rule is: its ID, default severity, summary and explanation. */
  RuleInfo info();

  /**
   * Reports this rule's findings on {@code model}. Report only this rule's own {@link #info()}
   * (or, for a rule that groups a few closely related findings, the infos it declares in
   * {@link #reports()}).
   */
  void check(M model, Findings findings);

  /**
   * Every rule this one may report: just {@link #info()} unless a rule groups several findings
   * that share one pass over the model. The checker's rule list is built from these.
   */
  default java.util.List<RuleInfo> reports() {
    return java.util.List.of(info());
  }
}
