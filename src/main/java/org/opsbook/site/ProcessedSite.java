package org.opsbook.site;

import java.util.List;
import org.opsbook.maintenance.MaintenanceResult;

/**
 * What the process stage hands on.
 *
 * @param articles every article and page, in path order, drafts included
 * @param maintenance every maintenance page, built in memory
 * @param reprocessed how many articles were processed rather than taken from an earlier build
 */
record ProcessedSite(List<ProcessedArticle> articles, List<MaintenanceResult> maintenance, int reprocessed) {
  ProcessedSite {
    articles = List.copyOf(articles);
    maintenance = List.copyOf(maintenance);
  }
}
