package org.opsbook.checker.nginx.request;

import org.opsbook.check.Answer;
import org.opsbook.check.Comparison;
import org.opsbook.check.TestBlock;
import org.opsbook.check.TestCase;
import org.opsbook.checker.nginx.model.NginxConfig;

/** Reads questions, asks the evaluator, compares answers. */
public final class Questions {
  private Questions() {}

  public static Answer answer(NginxConfig model, TestCase testCase, TestBlock block) {
    return Answer.cannotEvaluate("not yet");
  }

  public static Comparison compare(TestCase testCase, Answer answer) {
    return Comparison.ofText(testCase.expected(), answer.text());
  }
}
