package org.opsbook.checker.nginx.catalogue;

import java.util.Objects;

/**
 * An nginx module and how Debian 12 builds it.
 *
 * @param name nginx's name, such as {@code ngx_http_proxy_module}
 * @param debianPackage for {@link Build#SEPARATE_PACKAGE}, the package that holds it; else empty
 */
public record Module(String name, Build build, String debianPackage) {
  public Module {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(debianPackage, "debianPackage");
  }

  public boolean isAvailable() {
    return build == Build.BUILT_IN;
  }

  /** Why its directives are unknown to Debian's nginx, for messages; empty when it is built in. */
  public String whyUnavailable() {
    return switch (build) {
      case BUILT_IN -> "";
      case SEPARATE_PACKAGE -> name + " is a dynamic module in Debian's " + debianPackage
          + " package, which the nginx package does not install";
      case NOT_BUILT -> name + " is not built into Debian's nginx";
      case OTHER_PLATFORM -> name + " is an event method of another operating system, not built on Linux";
    };
  }
}
