package org.opsbook.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.opsbook.serverconfig.VhostOptions;
import org.opsbook.serverconfig.VhostTemplate;
import org.opsbook.serverconfig.VhostTemplates;
import org.opsbook.config.ConfigException;
import org.opsbook.config.ConfigLoader;
import org.opsbook.config.SiteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code opsbook server-config nginx|apache}: prints a virtual host for the published site. */
@Command(
    name = "server-config",
    mixinStandardHelpOptions = true,
    header = "Print an nginx or Apache virtual host for the published site.",
    description = {
      "Print a virtual host for the site published with 'opsbook publish --to ROOT': ROOT/current as"
          + " the document root, the 404 page, long cache lifetimes for hashed assets and short ones for"
          + " pages, security headers (HSTS with TLS, a CSP the default theme satisfies,"
          + " X-Content-Type-Options, Referrer-Policy) and the precompressed .gz files."
    })
public final class ServerConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SERVER", description = "nginx or apache")
  String server;

  @Option(names = "--server-name", paramLabel = "HOST",
      description = "The site's host name (default: the host of base_url in opsbook.yaml).")
  String serverName;

  @Option(names = "--config", defaultValue = "opsbook.yaml", paramLabel = "FILE",
      description = "Site configuration for base_url and hsts_max_age (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--root", required = true, paramLabel = "DIR",
      description = "The folder given to 'opsbook publish --to' on the web server.")
  Path root;

  @Option(names = "--listen", paramLabel = "[ADDR:]PORT", description = "Default: 443 with TLS, 80 without.")
  String listen;

  @Option(names = "--tls-cert", paramLabel = "FILE", description = "Certificate chain (PEM). Turns on TLS and HSTS.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "FILE", description = "Private key (PEM).")
  Path tlsKey;

  @Option(names = "--hsts-max-age", paramLabel = "SECONDS",
      description = "HSTS max-age (default: hsts_max_age in opsbook.yaml). Start at 300 and raise it step by step.")
  Long hstsMaxAge;

  @Option(names = "--hsts-include-subdomains", description = "Add includeSubDomains to HSTS.")
  boolean includeSubDomains;

  @Option(names = "--hsts-preload", description = "Add preload (needs a max-age of a year and includeSubDomains).")
  boolean preload;

  @Option(names = "--html-max-age", defaultValue = "300", paramLabel = "SECONDS",
      description = "How long pages may be cached (default: ${DEFAULT-VALUE}).")
  long htmlMaxAge;

  @Option(names = "--not-found", defaultValue = "/404.html", paramLabel = "PATH", description = "The 404 page (default: ${DEFAULT-VALUE}).")
  String notFound;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<VhostTemplate> template = VhostTemplates.byName(server);
    if (template.isEmpty()) {
      err.print("server-config: unknown server '" + server + "'; choose one of " + String.join(", ", VhostTemplates.names()) + "\n");
      err.flush();
      return ExitCodes.USAGE;
    }
    SiteConfig site;
    try {
      Path file = WorkingFolder.of(spec).resolve(config);
      site = new ConfigLoader().load(file, config.toString().replace('\\', '/'));
    } catch (ConfigException e) {
      e.diagnostics().forEach(d -> err.print(d + "\n"));
      err.flush();
      return ExitCodes.USAGE;
    }
    String host = serverName != null ? serverName : site.baseUrl().getHost();
    if (host == null || (serverName == null && host.equals("localhost"))) {
      err.print("server-config: give --server-name, or set base_url in " + config + "\n");
      err.flush();
      return ExitCodes.USAGE;
    }
    long maxAge = hstsMaxAge != null ? hstsMaxAge : site.hstsMaxAge();
    VhostOptions options = new VhostOptions(host, root, Optional.ofNullable(listen),
        Optional.ofNullable(tlsCert), Optional.ofNullable(tlsKey), maxAge, includeSubDomains, preload,
        htmlMaxAge, notFound);
    List<String> problems = options.problems();
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.print("server-config: " + p + "\n"));
      err.flush();
      return ExitCodes.USAGE;
    }
    out.print(template.get().render(options));
    out.flush();
    return ExitCodes.CLEAN;
  }
}
