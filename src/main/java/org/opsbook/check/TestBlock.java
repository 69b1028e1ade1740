package org.opsbook.check;

import java.util.List;
import java.util.Objects;

/**
 * A {@code test} block after the pipeline has read it: the block itself (its position and
 * attributes, such as {@code for=} and any facts a checker takes from attributes) and its cases.
 * Lines the grammar could not read are reported by the pipeline and are not among the cases.
 */
public record TestBlock(Snippet block, List<TestCase> cases) {
  public TestBlock {
    Objects.requireNonNull(block, "block");
    cases = List.copyOf(cases);
  }
}
