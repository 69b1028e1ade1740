package org.opsbook.check;

import java.util.List;

/**
 * Rules reported by a part of opsbook that is not a snippet checker, such as the maintenance-page
 * build. Registered in {@code META-INF/services/org.opsbook.check.RuleCatalogue} so {@code explain},
 * the rule pages and SARIF know them without the checker SPI depending on those parts.
 */
public interface RuleCatalogue {
  List<RuleInfo> rules();
}
