package org.opsbook.checker.apache.model;

import java.util.List;
import java.util.Objects;
import java.util.SortedSet;

/**
 * A configuration file as httpd would run it: the server scope (holding the virtual hosts and
 * every other section), the modules loaded, and how the file was placed.
 *
 * @param server the main server's scope; virtual hosts are among its children
 * @param modules the names of the loaded modules
 * @param wrapping how the snippet was placed in the server configuration
 * @param unchecked whether some of it could not be read (an include opsbook cannot see), so an
 *     answer that depends on the whole file may be incomplete
 */
public record HttpdConfig(Scope server, SortedSet<String> modules, Wrapping wrapping, boolean unchecked) {

  /** Where a snippet sits in the server configuration ({@code context=} on the snippet). */
  public enum Wrapping {
    /** A file in sites-enabled: the default. */
    SERVER,
    /** Inside {@code <VirtualHost *:80>}. */
    VIRTUAL_HOST,
    /** Inside {@code <Directory "/var/www/html">}. */
    DIRECTORY,
    /** A {@code .htaccess} file in /var/www/html, with {@code AllowOverride All}. */
    HTACCESS
  }

  public HttpdConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(wrapping, "wrapping");
    modules = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(modules));
  }

  /** The virtual hosts, in file order. */
  public List<Scope> virtualHosts() {
    return server.children().stream().filter(s -> s.kind() == Scope.Kind.VIRTUAL_HOST).toList();
  }
}
