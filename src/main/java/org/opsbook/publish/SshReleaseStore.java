package org.opsbook.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Releases on another machine, reached with the system {@code ssh} and {@code rsync}. The remote
 * side needs a POSIX shell, GNU coreutils ({@code mv -T}) and rsync; nothing of opsbook.
 */
public final class SshReleaseStore implements ReleaseStore {
  // Lists releases and the current link, one "release NAME" / "current TARGET" line each.
  private static final String STATE_SCRIPT =
      "cd \"$1\" 2>/dev/null || exit 0;"
          + " if [ -L current ]; then printf 'current %s\\n' \"$(readlink current)\";"
          + " elif [ -e current ]; then echo 'not-a-link'; fi;"
          + " for r in releases/*; do [ -d \"$r\" ] && [ ! -L \"$r\" ] && printf 'release %s\\n' \"${r#releases/}\"; done; true";
  // mv -T renames the new link over the old one (rename(2)); plain mv would move it into the folder.
  private static final String ACTIVATE_SCRIPT =
      "set -e; cd \"$1\"; test -d \"releases/$2\"; tmp=\".current-$2-$$\"; ln -s \"releases/$2\" \"$tmp\";"
          + " mv -T \"$tmp\" current || { rm -f \"$tmp\"; exit 1; }";
  private static final String PREPARE_SCRIPT = "set -e; mkdir -p \"$1/releases\"; rm -rf -- \"$1/releases/.incoming-$2\"";
  private static final String FINISH_SCRIPT = "set -e; cd \"$1/releases\"; mv -T \".incoming-$2\" \"$2\"";
  private static final String REMOVE_SCRIPT = "set -e; cd \"$1/releases\"; rm -rf -- \"$2\"";

  private final PublishTarget.Remote target;
  private final List<String> ssh;
  private final ProcessRunner runner;

  /**
   * @param rsh the ssh command with its options, as for rsync's {@code -e}: {@code ssh -p 2222 -i key}
   */
  public SshReleaseStore(PublishTarget.Remote target, String rsh, ProcessRunner runner) {
    this.target = target;
    this.ssh = Shell.split(rsh);
    this.runner = runner;
  }

  @Override
  public String describe() {
    return target.toString();
  }

  @Override
  public ReleaseState state() throws PublishException {
    String out = remote("read the releases", STATE_SCRIPT, target.path());
    List<String> releases = new ArrayList<>();
    Optional<String> current = Optional.empty();
    for (String line : out.split("\n")) {
      if (line.startsWith("release ")) {
        String name = line.substring("release ".length());
        if (!name.startsWith(".") && !name.equals("*")) {
          releases.add(name);
        }
      } else if (line.startsWith("current ")) {
        String link = line.substring("current ".length());
        current = Optional.of(link.substring(link.lastIndexOf('/') + 1));
      } else if (line.equals("not-a-link")) {
        throw PublishException.failed(
            target + "/current exists and is not a symbolic link; move it away once so that opsbook"
                + " can manage it as a link to a release");
      }
    }
    return new ReleaseState(releases, current);
  }

  @Override
  public void upload(Path site, String name, Optional<String> linkFrom) throws PublishException {
    remote("prepare release " + name, PREPARE_SCRIPT, target.path(), name);
    // Not --archive: its --times and --owner would make every rebuilt file (new mtime) differ from the
    // previous release, so --link-dest would link nothing. --checksum compares content instead.
    List<String> rsync = new ArrayList<>(List.of(
        "rsync", "--recursive", "--links", "--perms", "--checksum", "--delete", "--exclude=/" + BuildMarker.FILE_NAME));
    rsync.add("--rsh=" + String.join(" ", ssh));
    // --link-dest is relative to the destination folder: hard-link files unchanged since the last release.
    linkFrom.ifPresent(prev -> rsync.add("--link-dest=../" + prev));
    rsync.add(site.toAbsolutePath() + "/");
    rsync.add(target.host() + ":" + target.path() + "/releases/.incoming-" + name + "/");
    ProcessRunner.Outcome copy;
    try {
      copy = runner.run(rsync);
    } catch (IOException e) {
      cleanUp(name);
      throw PublishException.failed("upload to " + target + " failed, the live site is unchanged: " + e.getMessage(), e);
    }
    if (!copy.ok()) {
      cleanUp(name);
      throw PublishException.failed(
          "rsync to " + target + " failed (exit " + copy.status() + "), the live site is unchanged: " + copy.stderr().strip());
    }
    remote("finish release " + name, FINISH_SCRIPT, target.path(), name);
  }

  @Override
  public void activate(String name) throws PublishException {
    remote("switch current to " + name, ACTIVATE_SCRIPT, target.path(), name);
  }

  @Override
  public void remove(String name) throws PublishException {
    remote("delete old release " + name, REMOVE_SCRIPT, target.path(), name);
  }

  private void cleanUp(String name) {
    try {
      remote("clean up", REMOVE_SCRIPT, target.path(), ".incoming-" + name);
    } catch (PublishException e) {
      // Best effort: a leftover hidden .incoming folder is ignored and replaced by the next upload.
    }
  }

  private String remote(String what, String script, String... args) throws PublishException {
    List<String> command = new ArrayList<>(ssh);
    command.add(target.host());
    command.add(Shell.script(script, List.of(args)));
    try {
      ProcessRunner.Outcome outcome = runner.run(command);
      if (!outcome.ok()) {
        throw PublishException.failed(
            "cannot " + what + " on " + target + " (ssh exit " + outcome.status() + "): " + outcome.stderr().strip());
      }
      return outcome.stdout();
    } catch (IOException e) {
      throw PublishException.failed("cannot " + what + " on " + target + ": " + e.getMessage(), e);
    }
  }
}
