package org.opsbook.checker.nginx.catalogue;

/** How Debian 12's {@code nginx} package provides a module. */
public enum Build {
  /** Compiled into /usr/sbin/nginx. */
  BUILT_IN,
  /** Built as a dynamic module in its own Debian package, which the {@code nginx} package does not install. */
  SEPARATE_PACKAGE,
  /** Part of nginx's sources, but Debian does not configure it. */
  NOT_BUILT,
  /** An event method of another operating system. */
  OTHER_PLATFORM
}
