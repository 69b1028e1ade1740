package org.opsbook.checker.iptables.syntax;

import java.util.List;
import org.opsbook.checker.iptables.model.Operand;
import org.opsbook.checker.iptables.model.OptionValue;
import org.opsbook.checker.iptables.model.Word;

/** The parts of a rule specification that {@link RuleConstraints} checks once all options are read. */
record RuleDraft(
    String table, Operand protocol, Operand in, Operand outIface, List<MatchDraft> matches,
    Word targetWord, Extension targetExt, List<OptionValue> targetOptions, boolean isGoto) {}
