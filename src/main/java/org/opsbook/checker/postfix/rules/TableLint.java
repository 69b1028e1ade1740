package org.opsbook.checker.postfix.rules;

import java.util.List;
import org.opsbook.checker.postfix.model.Finding;
import org.opsbook.checker.postfix.model.Table;
import org.opsbook.checker.postfix.model.TableUse;

/** A rule that looks at a parsed table and reports findings. Implementations are stateless. */
public interface TableLint {
  List<Finding> check(Table table, TableUse use);
}
