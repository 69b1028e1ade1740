package org.opsbook.report;

import java.util.List;
import java.util.Objects;
import org.opsbook.check.TestResult;
import org.opsbook.diag.SourceSpan;

/** One {@code test} block and the results of its cases. */
public record TestBlockRecord(SourceSpan fence, String forId, List<TestResult> results) {
  public TestBlockRecord {
    Objects.requireNonNull(fence);
    Objects.requireNonNull(forId);
    results = List.copyOf(results);
  }
}
