package org.opsbook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opsbook.testing.RuleInput;
import org.opsbook.testing.RuleInputs;

/**
 * Runs every rule input of every registered checker (see {@link RuleInput} for the format), and
 * holds each checker to having an input that triggers every rule it declares.
 */
class RuleInputsTest {
  private static final CheckerRegistry REGISTRY = CheckerRegistry.load();

  @TestFactory
  Stream<DynamicNode> everyInputReportsExactlyTheFindingsItAnnounces() {
    List<DynamicNode> out = new ArrayList<>();
    for (Checker checker : registeredCheckers()) {
      List<DynamicTest> tests = RuleInputs.of(checker).stream()
          .map(input -> DynamicTest.dynamicTest(input.name(), () -> assertEquals(input.expected(),
              input.found(checker.check(input.snippet(), input.context())), input.name())))
          .toList();
      out.add(DynamicContainer.dynamicContainer(checker.id(), tests));
    }
    return out.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyDeclaredRuleHasAnInputThatTriggersIt() {
    return registeredCheckers().stream().map(checker -> DynamicTest.dynamicTest(checker.id(), () -> {
      Set<String> announced = new TreeSet<>();
      for (RuleInput input : RuleInputs.of(checker)) {
        input.expected().values().forEach(announced::addAll);
      }
      Map<String, String> untriggerable = RuleInputs.untriggerable(checker);
      Set<String> missing = new TreeSet<>();
      for (RuleInfo rule : checker.rules()) {
        String id = rule.id().value();
        boolean exempt = untriggerable.containsKey(id);
        if (exempt) {
          assertFalse(announced.contains(id), id + " is listed as untriggerable but an input triggers it");
        } else if (!announced.contains(id) && !id.startsWith("opsbook.")) {
          missing.add(id);
        }
      }
      assertEquals(Set.of(), missing, checker.id() + ": rules without an input in " + RuleInputs.folder(checker));
      for (String id : untriggerable.keySet()) {
        assertTrue(checker.rules().stream().anyMatch(r -> r.id().value().equals(id)),
            RuleInputs.UNTRIGGERABLE + " names " + id + ", which " + checker.id() + " does not declare");
      }
    }));
  }

  /** Every registered checker: the harness and the contract hold for all of them. */
  static List<Checker> registeredCheckers() {
    return REGISTRY.checkers();
  }
}
