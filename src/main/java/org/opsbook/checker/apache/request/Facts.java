package org.opsbook.checker.apache.request;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What exists on the server's disk, as a test states it: the files listed exist (and are not
 * empty), every folder above them exists, and so do the folders listed and the top-level
 * folders of a Debian system. Nothing else exists. Immutable.
 */
public final class Facts {
  private static final Set<String> SYSTEM = Set.of("/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/media",
      "/mnt", "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/var", "/var/www",
      "/usr/share", "/var/run", "/var/log", "/etc/apache2");

  private final SortedSet<String> files;
  private final SortedSet<String> dirs;

  public Facts(Set<String> files, Set<String> dirs) {
    this.files = Collections.unmodifiableSortedSet(new TreeSet<>(files));
    SortedSet<String> all = new TreeSet<>(SYSTEM);
    for (String d : dirs) {
      addWithParents(all, strip(d));
    }
    for (String f : files) {
      addWithParents(all, parent(f));
    }
    this.dirs = Collections.unmodifiableSortedSet(all);
  }

  private static void addWithParents(SortedSet<String> set, String dir) {
    String d = dir;
    while (!d.isEmpty()) {
      set.add(d);
      d = parent(d);
    }
    set.add("/");
  }

  private static String strip(String p) {
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  static String parent(String p) {
    int slash = p.lastIndexOf('/');
    return slash <= 0 ? (p.equals("/") ? "" : "/") : p.substring(0, slash);
  }

  public boolean isFile(String path) {
    return files.contains(normalize(path));
  }

  public boolean isDirectory(String path) {
    return dirs.contains(strip(normalize(path)));
  }

  public boolean exists(String path) {
    return isFile(path) || isDirectory(path);
  }

  /** Removes "." segments and repeated slashes; ".." is resolved as the kernel would. */
  static String normalize(String path) {
    if (!path.startsWith("/")) {
      return path;
    }
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (String p : path.split("/+")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(p);
      }
    }
    String joined = "/" + String.join("/", parts);
    return path.endsWith("/") && !joined.equals("/") ? joined + "/" : joined;
  }

  public SortedSet<String> files() {
    return files;
  }
}
