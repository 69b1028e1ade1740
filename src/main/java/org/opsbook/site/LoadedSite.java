package org.opsbook.site;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.opsbook.config.SiteConfig;
import org.opsbook.content.ContentTree;
import org.opsbook.content.SiteIndex;
import org.opsbook.theme.AssetCatalogue;
import org.opsbook.theme.Theme;

/**
 * What the load stage hands on: the configuration, the content tree and its index, the theme.
 *
 * @param files every content file, sorted, from which {@code tree} was classified
 * @param changed content-relative paths of the files whose text may differ from the last build;
 *     ignored when {@code everything} is set
 * @param everything nothing is known about the last build: every source counts as changed
 * @param themeFingerprint a digest of the theme's templates and asset names
 * @param lastCommits the day of each content file's last git commit
 */
record LoadedSite(SiteConfig config, List<Path> files, ContentTree tree, SiteIndex index, Theme theme,
    AssetCatalogue assets, String themeFingerprint, Set<String> changed, boolean everything,
    GitDates lastCommits) {
  LoadedSite {
    Objects.requireNonNull(config);
    files = List.copyOf(files);
    Objects.requireNonNull(tree);
    Objects.requireNonNull(index);
    Objects.requireNonNull(theme);
    Objects.requireNonNull(assets);
    Objects.requireNonNull(themeFingerprint);
    changed = Set.copyOf(changed);
    Objects.requireNonNull(lastCommits);
  }

  /** Whether the text of this content file may differ from the last build's. */
  boolean changed(String relPath) {
    return everything || changed.contains(relPath);
  }
}
