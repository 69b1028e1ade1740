package org.opsbook.checker.apache.catalogue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * What httpd's {@code cmd_parms} holds while it walks the tree: the override classes in force,
 * whether a path is set (inside a per-directory section), the {@code <Limit>} method mask, whether
 * the walk is inside a virtual host or a {@code .htaccess} file, and the enclosing sections.
 * Mutable; sections save and restore it around their children, as httpd's handlers do.
 */
public final class WalkState {
  /** {@code cmd->limited} outside any {@code <Limit>}. */
  static final long NOT_LIMITED = -1L;

  int override;
  String path;
  long limited = NOT_LIMITED;
  boolean virtualHost;
  final boolean htaccess;
  /** Enclosing section names, innermost first, as httpd names them ({@code <Directory}). */
  final Deque<String> parents = new ArrayDeque<>();
  /**
   * The proxy workers the server being read has defined so far (mod_proxy keeps them per server,
   * so a virtual host starts with none): {@code scheme://host} of each ProxyPass target, lower
   * case. Null once the server has defined workers opsbook does not follow (ProxyPassMatch,
   * {@code <Proxy>}, BalancerMember, RewriteRule [P]): then no ProxySet is called unknown.
   */
  java.util.List<String> workers = new java.util.ArrayList<>();
  private java.util.List<String> mainWorkers;

  WalkState(int override, boolean htaccess) {
    this.override = override;
    this.htaccess = htaccess;
  }

  /** The innermost enclosing section whose name is one of {@code names}, or null (core.c, find_parent). */
  String findParent(String... names) {
    for (Iterator<String> it = parents.iterator(); it.hasNext();) {
      String p = it.next();
      for (String n : names) {
        if (p.equalsIgnoreCase(n)) {
          return p;
        }
      }
    }
    return null;
  }

  String parent() {
    return parents.peek();
  }

  boolean isVirtualHost() {
    return virtualHost;
  }

  boolean inDirectoryContext() {
    return path != null;
  }

  boolean isHtaccess() {
    return htaccess;
  }

  /** A virtual host's workers start empty; the main server's come back after it. */
  void enterServer() {
    mainWorkers = workers;
    workers = new java.util.ArrayList<>();
  }

  void leaveServer() {
    workers = mainWorkers;
  }

  /** A worker opsbook cannot name: ProxySet is no longer judged in this server. */
  void unknownWorkers() {
    workers = null;
  }

  void worker(String url) {
    if (workers != null) {
      workers.add(url.toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** A copy to restore after a section's children. */
  Saved save() {
    return new Saved(override, path, limited, virtualHost);
  }

  void restore(Saved s) {
    override = s.override;
    path = s.path;
    limited = s.limited;
    virtualHost = s.virtualHost;
  }

  record Saved(int override, String path, long limited, boolean virtualHost) {}
}
