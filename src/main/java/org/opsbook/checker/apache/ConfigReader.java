package org.opsbook.checker.apache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.apache.catalogue.ConfigWalker;
import org.opsbook.checker.apache.catalogue.ModuleSet;
import org.opsbook.checker.apache.catalogue.Overrides;
import org.opsbook.checker.apache.model.HttpdConfig;
import org.opsbook.checker.apache.model.Problem;
import org.opsbook.checker.apache.syntax.ApacheParser;
import org.opsbook.checker.apache.syntax.ReadResult;
import org.opsbook.checker.apache.syntax.ReadSettings;

/**
 * Reads a snippet the way httpd reads a configuration file: the build phase, then the walk. Pure.
 */
public final class ConfigReader {
  private ConfigReader() {}

  /**
   * The outcome.
   *
   * @param config the configuration, or {@code null} when the build phase stopped early
   * @param problems everything found, in the order httpd meets it: build-phase problems first,
   *     then the walk's, each in file order
   * @param unread included files that exist but could not be read
   */
  public record Reading(HttpdConfig config, List<Problem> problems, List<IncludedFiles.Unread> unread) {
    /** The first problem httpd would stop at, if any. */
    public Optional<Problem> firstFatal() {
      return problems.stream().filter(Problem::isFatal).findFirst();
    }
  }

  /** How the {@code context=} attribute (or a .htaccess file name) places the snippet; empty if unreadable. */
  public static Optional<HttpdConfig.Wrapping> wrapping(Snippet snippet) {
    Optional<String> context = snippet.attribute("context");
    if (context.isEmpty()) {
      // An article says where a snippet lives with file=; a file given to 'opsbook lint' has its own name.
      String file = snippet.attribute("file").orElse(snippet.origin().file());
      boolean htaccess = file.endsWith("/.htaccess") || file.equals(".htaccess");
      return Optional.of(htaccess ? HttpdConfig.Wrapping.HTACCESS : HttpdConfig.Wrapping.SERVER);
    }
    return switch (context.get().toLowerCase(Locale.ROOT)) {
      case "server" -> Optional.of(HttpdConfig.Wrapping.SERVER);
      case "virtualhost", "vhost" -> Optional.of(HttpdConfig.Wrapping.VIRTUAL_HOST);
      case "directory" -> Optional.of(HttpdConfig.Wrapping.DIRECTORY);
      case "htaccess" -> Optional.of(HttpdConfig.Wrapping.HTACCESS);
      default -> Optional.empty();
    };
  }

  public static Reading read(Snippet snippet, ModuleSet modules, IncludedFiles files, HttpdConfig.Wrapping wrapping) {
    int htaccess = wrapping == HttpdConfig.Wrapping.HTACCESS ? Overrides.OR_ALL : -1;
    ReadResult built = ApacheParser.read(snippet, new ReadSettings(modules, files, ReadSettings.DEBIAN_SERVER_ROOT, htaccess));
    List<Problem> problems = new ArrayList<>(built.problems());
    if (!built.complete()) {
      return new Reading(null, problems, built.unread());
    }
    boolean unchecked = problems.stream().anyMatch(p -> p.kind() == Problem.Kind.INCLUDE_UNCHECKED);
    ConfigWalker.Result walked = ConfigWalker.walk(built.tree(), built.modules(), wrapping, htaccess, unchecked);
    problems.addAll(walked.problems());
    return new Reading(walked.config(), problems, built.unread());
  }
}
