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
          + " for r in releases/*; do [ -d \"$r\" ] && [ ! -L \"$r\" ] && printf 'release %s\\n' \"${r#releases/}\"; done;"
          // Anything else at the top was not put there by opsbook publish: the target is refused.
          + " for e in * .[!.]* ..?*; do case \"$e\" in releases|current|.opsbook-publish.lock|.current-*) ;;"
          + " *) if [ -e \"$e\" ] || [ -L \"$e\" ]; then printf 'foreign %s\\n' \"$e\"; fi;; esac; done; true";
  // mv -T renames the new link over the old one (rename(2)); plain mv would move it into the folder.
  private static final String ACTIVATE_SCRIPT =
      "set -e; cd \"$1\"; test -d \"releases/$2\"; tmp=\".current-$2-$$\"; ln -s \"releases/$2\" \"$tmp\";"
          + " mv -T \"$tmp\" current || { rm -f \"$tmp\"; exit 1; }";
  private static final String PREPARE_SCRIPT = "set -e; mkdir -p \"$1/releases\"; rm -rf -- \"$1/releases/$2\"";
  private static final String FINISH_SCRIPT = "set -e; cd \"$1/releases\"; test ! -e \"$3\"; mv -T \"$2\" \"$3\"";
  // mkdir is atomic: the one publish that creates the lock folder holds it; it records who, for the message.
  private static final String LOCK_SCRIPT =
      "mkdir -p \"$1\" && cd \"$1\" || exit 1; if mkdir .opsbook-publish.lock 2>/dev/null; then"
          + " printf '%s\\n' \"$2\" > .opsbook-publish.lock/owner; rm -rf -- releases/.incoming-*; echo locked;"
          + " else printf 'held %s\\n' \"$(cat .opsbook-publish.lock/owner 2>/dev/null)\"; fi";
  private static final String UNLOCK_SCRIPT = "rm -rf -- \"$1/.opsbook-publish.lock\"";
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
    List<String> foreign = new ArrayList<>();
    Optional<String> current = Optional.empty();
    for (String line : out.split("\n")) {
      if (line.startsWith("foreign ")) {
        foreign.add(line.substring("foreign ".length()));
      }
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
    if (!foreign.isEmpty()) {
      throw PublishException.failed("refusing to publish to " + target + ": it holds files that opsbook publish did"
          + " not put there (" + String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
          + (foreign.size() > 3 ? " and " + (foreign.size() - 3) + " more" : "")
          + "); publish to an empty folder and point the web server at its current link");
    }
    return new ReleaseState(releases, current);
  }

  @Override
  public void upload(Path site, String name, Optional<String> linkFrom) throws PublishException {
    // Its own incoming folder, so that no other upload can delete or fill it.
    String incoming = ReleaseLayout.INCOMING + name + "-" + Long.toString(new java.security.SecureRandom().nextLong() & Long.MAX_VALUE, 36);
    remote("prepare release " + name, PREPARE_SCRIPT, target.path(), incoming);
    // Not --archive: its --times and --owner would make every rebuilt file (new mtime) differ from the
    // previous release, so --link-dest would link nothing. --checksum compares content instead.
    List<String> rsync = new ArrayList<>(List.of(
        "rsync", "--recursive", "--copy-links", "--perms", "--chmod=D755,F644", "--checksum", "--delete",
        "--exclude=/" + BuildMarker.FILE_NAME, "--exclude=/" + OutputManifest.FILE_NAME, "--exclude=/" + OutputManifest.LOCK_NAME));
    // --copy-links: PublishableSite has refused links that lead out of the site; the rest arrive as files.
    rsync.add("--rsh=" + String.join(" ", ssh));
    // --link-dest is relative to the destination folder: hard-link files unchanged since the last release.
    linkFrom.ifPresent(prev -> rsync.add("--link-dest=../" + prev));
    rsync.add(site.toAbsolutePath() + "/");
    rsync.add(target.host() + ":" + target.path() + "/releases/" + incoming + "/");
    ProcessRunner.Outcome copy;
    try {
      copy = runner.run(rsync);
    } catch (IOException e) {
      cleanUp(incoming);
      throw PublishException.failed("upload to " + target + " failed, the live site is unchanged: " + e.getMessage(), e);
    }
    if (!copy.ok()) {
      cleanUp(incoming);
      throw PublishException.failed(
          "rsync to " + target + " failed (exit " + copy.status() + "), the live site is unchanged: " + copy.stderr().strip());
    }
    remote("finish release " + name, FINISH_SCRIPT, target.path(), incoming, name);
  }

  @Override
  public void activate(String name) throws PublishException {
    remote("switch current to " + name, ACTIVATE_SCRIPT, target.path(), name);
  }

  @Override
  public void remove(String name) throws PublishException {
    remote("delete old release " + name, REMOVE_SCRIPT, target.path(), name);
  }

  @Override
  public Lock lock() throws PublishException {
    String owner = System.getProperty("user.name", "?") + " pid " + ProcessHandle.current().pid() + " at "
        + java.time.Instant.now();
    String answer = remote("lock " + target, LOCK_SCRIPT, target.path(), owner).strip();
    if (!answer.equals("locked")) {
      throw PublishException.failed("another publish to " + target + " is running (" + answer + "); if none is, remove "
          + target.path() + "/" + ReleaseLayout.LOCK + " on the server");
    }
    return () -> remote("unlock " + target, UNLOCK_SCRIPT, target.path());
  }

  private void cleanUp(String incoming) {
    try {
      remote("clean up", REMOVE_SCRIPT, target.path(), incoming);
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
