package org.opsbook.publish;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes a built site as a new release and switches {@code current} to it, Capistrano-style;
 * or rolls {@code current} back to the release before it. What it does, and with {@code dryRun}
 * what it would do, is written to {@code out} one step a line.
 */
public final class Publisher {
  private static final DateTimeFormatter RELEASE_NAME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final ReleaseStore store;
  private final Clock clock;
  private final PrintWriter out;

  public Publisher(ReleaseStore store, Clock clock, PrintWriter out) {
    this.store = store;
    this.clock = clock;
    this.out = out;
  }

  /**
   * Uploads {@code site} as a new release, switches {@code current} to it, then deletes the oldest
   * releases beyond {@code keep} (never the current one).
   *
   * @return the new release's name
   */
  public String publish(Path site, int keep, boolean dryRun) throws PublishException {
    return publish(site, keep, dryRun, false);
  }

  /**
   * As {@link #publish(Path, int, boolean)}; with {@code allowErrors}, a site whose build found
   * errors ({@code build --report-only}) may go live, and the output says so.
   */
  public String publish(Path site, int keep, boolean dryRun, boolean allowErrors) throws PublishException {
    if (keep < 1) {
      throw PublishException.failed("--keep must be at least 1 (the live release), not " + keep);
    }
    BuildMarker marker = BuildMarker.read(site);
    marker.requirePublishable(site, allowErrors);
    PublishableSite.check(site);
    if (!marker.passed()) {
      out.print("publishing a build that did not pass its checks (errors: " + marker.errors() + ", failed tests: "
          + marker.testsFailed() + "), as --allow-errors asks\n");
    }
    try (ReleaseStore.Lock lock = dryRun ? () -> { } : store.lock()) {
      return publishLocked(site, keep, dryRun);
    }
  }

  private String publishLocked(Path site, int keep, boolean dryRun) throws PublishException {
    ReleaseState state = store.state();
    String name = uniqueName(state);
    Optional<String> linkFrom = state.current().filter(state.releases()::contains).or(state::newest);
    String prefix = dryRun ? "would " : "";
    if (!dryRun) {
      try {
        int gz = new Precompressor().precompress(site);
        out.print("precompressed " + gz + " files (.gz)\n");
      } catch (IOException e) {
        throw PublishException.failed("cannot precompress " + site + ": " + e.getMessage(), e);
      }
    } else {
      out.print("would precompress the text files of " + site + " (.gz)\n");
    }
    out.print(prefix + "upload " + site + " to " + store.describe() + "/releases/" + name
        + linkFrom.map(p -> ", hard-linking files unchanged since release " + p).orElse("") + "\n");
    if (!dryRun) {
      store.upload(site, name, linkFrom);
    }
    out.print(prefix + "switch current " + state.current().map(c -> "from " + c + " ").orElse("") + "to " + name + "\n");
    if (!dryRun) {
      store.activate(name);
    }
    List<String> after = new ArrayList<>(state.releases());
    after.add(name);
    prune(after, name, keep, dryRun);
    out.print((dryRun ? "dry run: nothing changed" : "published release " + name) + "\n");
    return name;
  }

  /** Points {@code current} at the release before it; the newer release stays until pruned. */
  public String rollback(boolean dryRun) throws PublishException {
    try (ReleaseStore.Lock lock = dryRun ? () -> { } : store.lock()) {
      return rollbackLocked(dryRun);
    }
  }

  private String rollbackLocked(boolean dryRun) throws PublishException {
    ReleaseState state = store.state();
    if (state.current().isEmpty()) {
      throw PublishException.failed("nothing to roll back: " + store.describe() + " has no current release");
    }
    String previous =
        state.beforeCurrent()
            .orElseThrow(() -> PublishException.failed(
                "cannot roll back: " + state.current().get() + " is the oldest release in " + store.describe()));
    out.print((dryRun ? "would switch" : "switch") + " current from " + state.current().get() + " to " + previous + "\n");
    if (!dryRun) {
      store.activate(previous);
      out.print("rolled back to release " + previous + "\n");
    }
    return previous;
  }

  private void prune(List<String> releases, String current, int keep, boolean dryRun) throws PublishException {
    List<String> sorted = releases.stream().sorted().toList();
    int excess = sorted.size() - keep;
    for (String old : sorted) {
      if (excess <= 0) {
        break;
      }
      if (old.equals(current)) {
        continue;
      }
      out.print((dryRun ? "would delete" : "delete") + " old release " + old + "\n");
      if (!dryRun) {
        store.remove(old);
      }
      excess--;
    }
  }

  /** A UTC timestamp; a second release within the same second gets {@code -2}, {@code -3}... */
  private String uniqueName(ReleaseState state) {
    String base = RELEASE_NAME.format(clock.instant());
    String name = base;
    for (int n = 2; state.releases().contains(name); n++) {
      name = base + "-" + n;
    }
    return name;
  }
}
