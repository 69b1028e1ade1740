package org.opsbook.checker.apache.syntax;

import java.util.Objects;
import org.opsbook.check.IncludedFiles;
import org.opsbook.checker.apache.catalogue.ModuleSet;

/**
 * What reading a configuration depends on beyond its text.
 *
 * @param modules the modules loaded before the file is read ({@code <IfModule>} tests them)
 * @param files the files {@code Include} may name
 * @param serverRoot what relative {@code Include} paths are relative to ({@code /etc/apache2})
 * @param htaccessOverride for a {@code .htaccess} file, the {@code AllowOverride} classes in
 *     force; {@code -1} for a server configuration file
 */
public record ReadSettings(ModuleSet modules, IncludedFiles files, String serverRoot, int htaccessOverride) {
  public static final String DEBIAN_SERVER_ROOT = "/etc/apache2";

  public ReadSettings {
    Objects.requireNonNull(modules, "modules");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(serverRoot, "serverRoot");
  }

  public boolean isHtaccess() {
    return htaccessOverride >= 0;
  }
}
