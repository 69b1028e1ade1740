package org.opsbook.checker.apache.request;

import org.opsbook.check.Answer;
import org.opsbook.check.Comparison;
import org.opsbook.check.TestBlock;
import org.opsbook.check.TestCase;
import org.opsbook.checker.apache.model.HttpdConfig;

/** Reads request questions and answers them with the request model. */
public final class RequestQuestions {
  private RequestQuestions() {}

  public static Answer answer(HttpdConfig config, TestCase testCase, TestBlock block) {
    return Answer.cannotEvaluate("not yet");
  }

  public static Comparison compare(TestCase testCase, Answer answer) {
    return Comparison.ofText(testCase.expected(), answer.text());
  }
}
