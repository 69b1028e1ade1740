package org.opsbook.checker.apache.request;

import java.util.Map;
import java.util.TreeMap;
import org.opsbook.check.Answer;
import org.opsbook.check.Comparison;
import org.opsbook.check.TestBlock;
import org.opsbook.check.TestCase;
import org.opsbook.checker.apache.model.HttpdConfig;

/**
 * The executable model's entry point: reads a request question (see {@link QuestionReader}),
 * runs it (see {@link RequestProcessor}) and writes the answer (see {@link AnswerFormat}).
 */
public final class RequestQuestions {
  private RequestQuestions() {}

  public static Answer answer(HttpdConfig config, TestCase testCase, TestBlock block) {
    Map<String, String> facts = new TreeMap<>();
    for (String key : new String[] {"files", "dirs", "from", "to"}) {
      block.block().attribute(key).ifPresent(v -> facts.put(key, v));
    }
    QuestionReader.Result read = QuestionReader.read(testCase.question(), facts);
    if (read.error() != null) {
      return Answer.unreadable(read.error(), QuestionReader.HINT);
    }
    try {
      Response r = RequestProcessor.process(config, read.request());
      return Answer.of(AnswerFormat.format(r), String.join("\n", r.trace()) + "\n" + AnswerFormat.format(r) + "\n");
    } catch (CannotEvaluate e) {
      return Answer.cannotEvaluate(e.getMessage());
    }
  }

  public static Comparison compare(TestCase testCase, Answer answer) {
    return AnswerFormat.compare(testCase.expected(), answer.text());
  }
}
