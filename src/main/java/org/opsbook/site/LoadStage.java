package org.opsbook.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.CoreRules;
import org.opsbook.config.ConfigException;
import org.opsbook.config.ConfigLoader;
import org.opsbook.config.SiteConfig;
import org.opsbook.content.ContentLoader;
import org.opsbook.content.ContentTree;
import org.opsbook.content.ProjectBoundary;
import org.opsbook.content.SiteIndex;
import org.opsbook.content.SourceFile;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;
import org.opsbook.maintenance.MaintenanceBuilder;
import org.opsbook.theme.AssetCatalogue;
import org.opsbook.theme.Theme;
import org.opsbook.theme.ThemeException;

/**
 * Stage 1, load: reads {@code opsbook.yaml}, lists the content folder and indexes it, finds the
 * theme. After an earlier build it re-lists only the folders the changes name and keeps the tree,
 * index and theme when nothing they depend on changed.
 */
final class LoadStage {
  static final String NAME = "load";

  private final CheckerRegistry registry;

  /** @param registry the checkers whose options {@code opsbook.yaml} may set */
  LoadStage(CheckerRegistry registry) {
    this.registry = registry;
  }

  LoadedSite load(BuildOptions options, LoadedSite previous, SourceChanges changes) throws ConfigException, ThemeException {
    SiteConfig config = loadConfig(options);
    boolean everything = previous == null || changes.everything();
    ContentLoader loader = new ContentLoader(options.contentDir(), options.contentDisplay());
    List<Path> files;
    ContentTree tree;
    SiteIndex index;
    Set<String> changed = new TreeSet<>();
    if (everything) {
      Optional<Diagnostic> outside = ProjectBoundary.linkedOut(options.contentDir(), options.projectRoot(),
          options.contentDisplay(), ProjectBoundary.CONTENT_HINT);
      if (outside.isPresent()) {
        throw new ConfigException(outside.get());
      }
      if (!Files.isDirectory(options.contentDir())) {
        throw new ConfigException(CoreRules.diagnostic(CoreRules.IO, new SourceSpan(options.contentDisplay(), 1, 1),
            "the content folder does not exist", "create it, or name another with --source DIR"));
      }
      ContentLoader.Listing listing = list(loader, options.contentDir(), options);
      files = listing.files();
      tree = loader.classify(files, listing.problems());
      index = index(tree);
    } else {
      files = previous.files();
      List<Diagnostic> problems = previous.tree().problems();
      for (Path p : changes.paths()) {
        if (!p.startsWith(options.contentDir()) || p.equals(options.contentDir())) {
          continue;
        }
        ContentLoader.Listing listing = list(loader, p, options);
        List<Path> now = listing.files();
        if (!problems.isEmpty() || !listing.problems().isEmpty()) {
          List<Diagnostic> kept = new ArrayList<>(problems.stream().filter(d -> !listing.covers(d)).toList());
          kept.addAll(listing.problems());
          kept.sort(null);
          problems = kept;
        }
        // Sorted paths with p's text as prefix are contiguous; those below p (as a path) are among
        // them, next to siblings such as "p-other".
        String prefix = p.toString();
        int from = firstAtOrAfter(files, p);
        int to = from;
        while (to < files.size() && files.get(to).toString().startsWith(prefix)) {
          to++;
        }
        List<Path> window = files.subList(from, to);
        List<Path> before = window.stream().filter(f -> f.startsWith(p)).toList();
        before.forEach(f -> changed.add(relPath(options, f)));
        now.forEach(f -> changed.add(relPath(options, f)));
        if (!before.equals(now)) {
          List<Path> middle = new ArrayList<>(window.stream().filter(f -> !f.startsWith(p)).toList());
          middle.addAll(now);
          middle.sort(null);
          List<Path> next = new ArrayList<>(files.size() - window.size() + middle.size());
          next.addAll(files.subList(0, from));
          next.addAll(middle);
          next.addAll(files.subList(to, files.size()));
          files = next;
        }
      }
      boolean same = files == previous.files() && problems.equals(previous.tree().problems());
      tree = same ? previous.tree() : loader.classify(files, problems);
      index = same ? previous.index() : index(tree);
    }
    Theme theme;
    AssetCatalogue assets;
    String fingerprint;
    Path root = options.projectRoot();
    boolean themeChanged = everything || !config.theme().equals(previous.config().theme())
        || changes.touches(root.resolve("themes")) || changes.touches(root.resolve("layouts"));
    if (themeChanged) {
      theme = Theme.load(root, config.theme());
      assets = AssetCatalogue.load(theme);
      fingerprint = theme.fingerprint(assets);
    } else {
      theme = previous.theme();
      assets = previous.assets();
      fingerprint = previous.themeFingerprint();
    }
    // Asked on every build, as a commit changes no watched file; the history is read again only
    // when another commit is checked out.
    GitDates lastCommits = GitDates.read(root, options.contentDir(), previous == null ? null : previous.lastCommits());
    return new LoadedSite(config, files, tree, index, theme, assets, fingerprint, changed, everything, lastCommits);
  }

  /** The site index, with the maintenance pages the build publishes from {@code maintenance/}. */
  private SiteIndex index(ContentTree tree) {
    Set<String> made = new TreeSet<>();
    for (SourceFile page : tree.maintenancePages()) {
      made.addAll(MaintenanceBuilder.sitePaths(MaintenanceBuilder.pageName(page.path())));
    }
    return SiteIndex.of(tree, RulePages.paths(registry), made);
  }

  /** {@code opsbook.yaml} with the command line's overrides. */
  private SiteConfig loadConfig(BuildOptions options) throws ConfigException {
    Optional<Diagnostic> outside = ProjectBoundary.linkedOut(options.configFile(), options.projectRoot(),
        options.displayName(options.configFile()), ProjectBoundary.CONFIG_HINT);
    if (outside.isPresent()) {
      throw new ConfigException(outside.get());
    }
    SiteConfig config = new ConfigLoader(registry).load(options.configFile(), options.displayName(options.configFile()));
    return options.baseUrl() == null ? config : config.withBaseUrl(options.baseUrl());
  }

  private static ContentLoader.Listing list(ContentLoader loader, Path under, BuildOptions options)
      throws ConfigException {
    try {
      return loader.list(under);
    } catch (IOException | UncheckedIOException e) {
      throw new ConfigException(CoreRules.diagnostic(CoreRules.IO, new SourceSpan(options.contentDisplay(), 1, 1),
          "cannot read the content folder: " + e.getMessage(), null));
    }
  }

  /** The index of {@code p} in a sorted list, or where it would go. */
  private static int firstAtOrAfter(List<Path> sorted, Path p) {
    int i = Collections.binarySearch(sorted, p);
    return i >= 0 ? i : -i - 1;
  }

  private static String relPath(BuildOptions options, Path file) {
    return options.contentDir().relativize(file).toString().replace('\\', '/');
  }
}
