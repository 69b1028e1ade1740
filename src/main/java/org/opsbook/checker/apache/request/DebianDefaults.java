package org.opsbook.checker.apache.request;

import java.util.Map;
import java.util.Set;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.apache.catalogue.ConfigWalker;
import org.opsbook.checker.apache.catalogue.ModuleSet;
import org.opsbook.checker.apache.model.HttpdConfig;
import org.opsbook.checker.apache.model.Scope;
import org.opsbook.checker.apache.syntax.ApacheParser;
import org.opsbook.checker.apache.syntax.ReadResult;
import org.opsbook.checker.apache.syntax.ReadSettings;

/**
 * The configuration a snippet is read into on Debian 12 before its own lines: the access
 * defaults of /etc/apache2/apache2.conf and what the enabled modules' .conf files in
 * mods-enabled add (dir.conf's DirectoryIndex, alias.conf's /icons/, status.conf's
 * /server-status). DocumentRoot is the compiled-in /var/www/html.
 */
final class DebianDefaults {
  static final String TEXT = String.join("\n",
      "<Directory />",
      "    Options FollowSymLinks",
      "    AllowOverride None",
      "    Require all denied",
      "</Directory>",
      "<Directory /usr/share>",
      "    AllowOverride None",
      "    Require all granted",
      "</Directory>",
      "<Directory /var/www/>",
      "    Options Indexes FollowSymLinks",
      "    AllowOverride None",
      "    Require all granted",
      "</Directory>",
      "AccessFileName .htaccess",
      "<FilesMatch \"^\\.ht\">",
      "    Require all denied",
      "</FilesMatch>",
      "<IfModule mod_dir.c>",
      "    DirectoryIndex index.html index.cgi index.pl index.php index.xhtml index.htm",
      "</IfModule>",
      "<IfModule mod_alias.c>",
      "    Alias /icons/ \"/usr/share/apache2/icons/\"",
      "    <Directory \"/usr/share/apache2/icons\">",
      "        Options FollowSymlinks",
      "        AllowOverride None",
      "        Require all granted",
      "    </Directory>",
      "</IfModule>",
      "<IfModule mod_status.c>",
      "    <Location /server-status>",
      "        SetHandler server-status",
      "        Require local",
      "    </Location>",
      "</IfModule>",
      "");

  private DebianDefaults() {}

  /** The defaults as a server scope, read with the given modules loaded. */
  static Scope server(Set<String> moduleNames) {
    ModuleSet modules = ModuleSet.of(moduleNames);
    Snippet text = Snippet.of("apache", TEXT, "debian-defaults", Map.of());
    ReadResult read = ApacheParser.read(text, new ReadSettings(modules, IncludedFiles.NONE, ReadSettings.DEBIAN_SERVER_ROOT, -1));
    return ConfigWalker.walk(read.tree(), read.modules(), HttpdConfig.Wrapping.SERVER, -1, false).config().server();
  }
}
