package org.opsbook.checker.apache.syntax;

import java.util.List;
import org.opsbook.check.IncludedFiles;
import org.opsbook.checker.apache.catalogue.ModuleSet;
import org.opsbook.checker.apache.model.Directive;
import org.opsbook.checker.apache.model.Problem;

/**
 * A configuration after httpd's build phase.
 *
 * @param tree the top-level directives, conditional sections and includes resolved
 * @param problems what the build phase found, in the order httpd meets it; a fatal one ends
 *     reading, as it ends httpd's
 * @param modules the loaded modules after the file's own {@code LoadModule} lines
 * @param complete whether the whole file was read (no fatal problem stopped it)
 * @param unread included files that exist but could not be read ({@link IncludedFiles#unread})
 */
public record ReadResult(List<Directive> tree, List<Problem> problems, ModuleSet modules, boolean complete,
    List<IncludedFiles.Unread> unread) {
  public ReadResult {
    tree = List.copyOf(tree);
    problems = List.copyOf(problems);
    unread = List.copyOf(unread);
  }
}
