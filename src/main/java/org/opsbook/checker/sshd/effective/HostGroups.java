package org.opsbook.checker.sshd.effective;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;

/**
 * A user's groups as sshd's groupaccess.c ga_init() finds them on the host: getgrouplist() with
 * the primary group from /etc/passwd and every group of /etc/group that lists the user, each named
 * by getgrgid(), the first group with its number. Only files are read (Debian's default NSS
 * setup); groups from LDAP or SSSD are not seen. Pure.
 */
public final class HostGroups {
  private HostGroups() {}

  /** The groups of {@code user}, or none when /etc/passwd does not know the user (sshd then matches no group). */
  public static List<String> of(IncludedFiles host, String user) {
    String passwd = text(host, "/etc/passwd");
    String group = text(host, "/etc/group");
    String primary = null;
    for (String line : passwd.split("\n")) {
      String[] f = line.split(":", -1);
      if (f.length >= 4 && f[0].equals(user)) {
        primary = f[3];
        break;
      }
    }
    if (primary == null) {
      return List.of();
    }
    List<String[]> groups = new ArrayList<>();
    for (String line : group.split("\n")) {
      String[] f = line.split(":", -1);
      if (f.length >= 4 && !line.startsWith("#")) {
        groups.add(f);
      }
    }
    Set<String> gids = new LinkedHashSet<>();
    gids.add(primary);
    for (String[] g : groups) {
      for (String member : g[3].split(",")) {
        if (member.strip().equals(user)) {
          gids.add(g[2]);
        }
      }
    }
    Set<String> names = new LinkedHashSet<>();
    for (String gid : gids) {
      for (String[] g : groups) {
        if (g[2].equals(gid)) {
          names.add(g[0]);
          break;
        }
      }
    }
    return List.copyOf(names);
  }

  private static String text(IncludedFiles host, String path) {
    List<Snippet> found = host.matching(path);
    return found.isEmpty() ? "" : found.get(0).text();
  }
}
