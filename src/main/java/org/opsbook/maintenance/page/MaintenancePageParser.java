package org.opsbook.maintenance.page;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

/**
 * Reads {@code content/maintenance/NAME.md} into a {@link MaintenancePage}. Every problem is a
 * diagnostic at the line of the offending field; the page is returned only when there are no
 * errors. Values that end up in server configuration are checked against a strict shape, because
 * a quote or a brace in them would change the meaning of the generated config.
 */
public final class MaintenancePageParser {
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{16,128}");
  private static final Pattern URL_PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");
  private static final Pattern FILE_PATH = Pattern.compile("/[A-Za-z0-9._/-]+");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
  private static final Pattern SERVER_NAME = Pattern.compile("_|(?:\\*\\.)?[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
  private static final Pattern HTTP_URL = Pattern.compile("https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[^\\s\"'<>\\\\]*)?");
  private static final Pattern MAILTO = Pattern.compile("mailto:[^\\s\"'<>\\\\@]+@[A-Za-z0-9.-]+(?:\\?[^\\s\"'<>\\\\]*)?");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /** Every field a page may set, with one line on what it is (for the unknown-field hint). */
  public static final Map<String, String> FIELDS = fields();

  /** The page, when there were no errors, and every finding. */
  public record Result(Optional<MaintenancePage> page, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  private MaintenancePageParser() {}

  private static Map<String, String> fields() {
    Map<String, String> fields = new TreeMap<>();
    fields.put("title", "the heading");
    fields.put("message", "one sentence under the heading");
    fields.put("expected_end", "ISO time with offset, 2026-11-23T22:00:00Z");
    fields.put("retry_after", "seconds for the Retry-After header");
    fields.put("refresh", "seconds between automatic reloads, 0 for none");
    fields.put("contact", "mailto: or https: URL");
    fields.put("contact_label", "text of the contact link");
    fields.put("status", "https: URL of a status page hosted elsewhere");
    fields.put("status_label", "text of the status link");
    fields.put("allow", "list of IP addresses and CIDR networks that reach the site");
    fields.put("bypass_secret", "secret URL segment that sets the bypass cookie");
    fields.put("health_path", "path that always reaches the application");
    fields.put("pass_paths", "path prefixes that always reach the application");
    fields.put("html_only", "only requests accepting text/html get the page");
    fields.put("upstream", "host:port of the application");
    fields.put("listen", "port the generated server listens on");
    fields.put("server_name", "virtual host name");
    fields.put("install_dir", "directory of index.html on the server");
    fields.put("flag_file", "maintenance is on while this file exists");
    fields.put("cookie_secure", "mark the bypass cookie Secure (default true)");
    return Collections.unmodifiableMap(fields);
  }

  /**
   * Parses one page.
   *
   * @param name the page name, from the file name
   * @param file the project-relative path used in diagnostics
   * @param text the whole file
   */
  public static Result parse(String name, String file, String text) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (!NAME.matcher(name).matches()) {
      diagnostics.add(error(file, 1, "maintenance.bad-name",
          "page name '" + name + "' must be lower-case letters, digits and dashes",
          "rename the file, e.g. content/maintenance/upgrade.md"));
    }
    FrontMatterReader.Split split = FrontMatterReader.read(file, text, diagnostics);
    if (split.frontMatter().isEmpty()) {
      return new Result(Optional.empty(), diagnostics);
    }
    Fields fields = new Fields(file, split.frontMatter().get(), diagnostics);
    for (YamlNode.Entry entry : split.frontMatter().get().entries().values()) {
      if (!FIELDS.containsKey(entry.key())) {
        diagnostics.add(Diagnostic.warning(new SourceSpan(file, entry.keyLine(), 1), "maintenance.unknown-field",
                "unknown field '" + entry.key() + "' is ignored")
            .withHint("known fields: " + String.join(", ", FIELDS.keySet())));
      }
    }
    String title = fields.string("title").orElse("");
    boolean titleHasWrongType = split.frontMatter().get().entries().containsKey("title")
        && !(split.frontMatter().get().entries().get("title").value() instanceof YamlNode.Scalar);
    if (title.isBlank() && !titleHasWrongType) {
      diagnostics.add(error(file, split.frontMatter().get().line(), "maintenance.missing-title",
          "the page has no title", "add a line such as: title: \"Down for an upgrade\""));
    }
    String message = fields.string("message").orElse("");
    Optional<OffsetDateTime> expectedEnd = fields.string("expected_end").flatMap(value -> {
      try {
        return Optional.of(OffsetDateTime.parse(value));
      } catch (DateTimeParseException e) {
        fields.fail("expected_end", "'" + value + "' is not an ISO date-time with an offset",
            "write it as 2026-11-23T22:00:00Z or 2026-11-23T23:00:00+01:00");
        return Optional.empty();
      }
    });
    int retryAfter = fields.integer("retry_after", 1, 7 * 24 * 3600).orElse(300);
    int refresh = fields.integer("refresh", 0, 24 * 3600).orElse(120);
    if (refresh > 0 && refresh < 10) {
      fields.warn("refresh", "reloading every " + refresh + " seconds adds load while the site is recovering",
          "use 30 seconds or more, or 0 for no reload");
    }
    List<PageLink> links = new ArrayList<>();
    fields.string("contact").ifPresent(href -> {
      if (MAILTO.matcher(href).matches() || HTTP_URL.matcher(href).matches()) {
        String label = fields.string("contact_label").orElse(href.startsWith("mailto:") ? href.substring(7) : href);
        links.add(new PageLink("contact", href, label));
      } else {
        fields.fail("contact", "'" + href + "' is not a mailto: address or an http(s) URL",
            "write mailto:ops@example.org or https://help.example.org/");
      }
    });
    fields.string("status").ifPresent(href -> {
      if (HTTP_URL.matcher(href).matches()) {
        links.add(new PageLink("status", href, fields.string("status_label").orElse("Status page")));
      } else {
        fields.fail("status", "'" + href + "' is not an absolute http(s) URL",
            "point it at a status page that is not served by the application under maintenance");
      }
    });
    List<AllowEntry> allow = new ArrayList<>();
    for (YamlNode.Scalar item : fields.list("allow")) {
      if (item.text() == null) {
        diagnostics.add(error(file, item.line(), "maintenance.bad-address", "empty allow-list entry",
            "remove the empty '-' line"));
        continue;
      }
      AllowEntryParser.Result parsed = AllowEntryParser.parse(item.text());
      if (parsed.entry().isEmpty()) {
        diagnostics.add(error(file, item.line(), "maintenance.bad-address", parsed.problem(),
            "write an address (192.0.2.10, 2001:db8::10) or a network (192.0.2.0/24, 2001:db8::/48)"));
      } else {
        if (parsed.hostBitsSet()) {
          diagnostics.add(Diagnostic.warning(new SourceSpan(file, item.line(), 1), "maintenance.address-host-bits",
                  "'" + item.text() + "' has host bits set; it means the network " + parsed.entry().get().cidr())
              .withHint("write " + parsed.entry().get().cidr() + ", or a /32 (/128) for one host"));
        }
        allow.add(parsed.entry().get());
      }
    }
    Optional<String> secret = fields.string("bypass_secret").filter(value -> {
      if (SECRET.matcher(value).matches()) {
        return true;
      }
      fields.fail("bypass_secret", "the bypass secret must be 16 to 128 letters, digits, '-' or '_'",
          "generate one with: openssl rand -hex 16");
      return false;
    });
    ServerSettings server = serverSettings(name, fields);
    Result result = new Result(Optional.empty(), diagnostics);
    if (result.hasErrors()) {
      return result;
    }
    MaintenancePage page = new MaintenancePage(name, file, title.strip(), message.strip(), split.body(), expectedEnd,
        retryAfter, refresh, links, allow, secret, server);
    return new Result(Optional.of(page), diagnostics);
  }

  private static ServerSettings serverSettings(String name, Fields fields) {
    ServerSettings defaults = ServerSettings.defaults(NAME.matcher(name).matches() ? name : "page");
    String upstreamHost = defaults.upstreamHost();
    int upstreamPort = defaults.upstreamPort();
    Optional<String> upstream = fields.string("upstream");
    if (upstream.isPresent()) {
      String value = upstream.get();
      int colon = value.lastIndexOf(':');
      String host = colon < 0 ? value : value.substring(0, colon);
      String port = colon < 0 ? "" : value.substring(colon + 1);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      boolean hostOk = HOST.matcher(host).matches() || AllowEntryParser.parse(host).entry().isPresent();
      if (!hostOk || !port.matches("[1-9][0-9]{0,4}") || Integer.parseInt(port) > 65535) {
        fields.fail("upstream", "'" + value + "' is not host:port", "write e.g. 127.0.0.1:8080 or app.internal:3000");
      } else {
        upstreamHost = host;
        upstreamPort = Integer.parseInt(port);
      }
    }
    int listen = fields.integer("listen", 1, 65535).orElse(defaults.listenPort());
    String serverName = fields.matching("server_name", SERVER_NAME, "a host name such as www.example.org, or _ for any")
        .orElse(defaults.serverName());
    String installDir = fields.matching("install_dir", FILE_PATH, "an absolute path of letters, digits, '.', '_', '-' and '/'")
        .map(path -> path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path)
        .orElse(defaults.installDir());
    String flagFile = fields.matching("flag_file", FILE_PATH, "an absolute path of letters, digits, '.', '_', '-' and '/'")
        .orElse(defaults.flagFile());
    String healthPath = fields.matching("health_path", URL_PATH, "a URL path such as /healthz")
        .orElse(defaults.healthPath());
    List<String> passPaths = new ArrayList<>();
    for (YamlNode.Scalar item : fields.list("pass_paths")) {
      if (item.text() != null && URL_PATH.matcher(item.text()).matches() && !item.text().equals("/")) {
        passPaths.add(item.text());
      } else {
        fields.failAt(item.line(), "pass_paths", "'" + item.text() + "' is not a URL path prefix",
            "write a prefix such as /api/ (not / alone, which would switch maintenance off for everything)");
      }
    }
    boolean htmlOnly = fields.bool("html_only").orElse(false);
    boolean cookieSecure = fields.bool("cookie_secure").orElse(true);
    return new ServerSettings(upstreamHost, upstreamPort, listen, serverName, installDir, flagFile, healthPath,
        passPaths, htmlOnly, cookieSecure);
  }

  static Diagnostic error(String file, int line, String rule, String message, String hint) {
    return Diagnostic.error(new SourceSpan(file, line, 1), rule, message).withHint(hint);
  }
}
