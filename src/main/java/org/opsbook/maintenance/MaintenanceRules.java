package org.opsbook.maintenance;

import java.util.List;
import org.opsbook.check.RuleCatalogue;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/**
 * The rules the maintenance build reports, with their documentation, for {@code opsbook explain}
 * and the rules pages. Register them next to the core rules.
 */
public final class MaintenanceRules implements RuleCatalogue {
  public static final List<RuleInfo> ALL = List.of(
      RuleInfo.of("maintenance.front-matter", Severity.ERROR, "a maintenance page has no readable front matter",
          "A maintenance page is Markdown that starts with YAML between two `---` lines. Without it there is "
              + "no title, no allow-list and no server settings, so nothing can be built. Check the indentation "
              + "and quote values that contain `: `. A field given twice is also reported here: YAML parsers "
              + "disagree on which one wins."),
      RuleInfo.of("maintenance.bad-name", Severity.ERROR, "the page's file name is not a usable name",
          "The file name becomes a folder under `site/maintenance/` and part of identifiers in four config "
              + "languages (an nginx variable, a Varnish ACL, an HAProxy frontend). Use lower-case letters, "
              + "digits and dashes: `upgrade.md`, `db-migration.md`."),
      RuleInfo.of("maintenance.unknown-field", Severity.WARNING, "the front matter has a field opsbook does not know",
          "An unknown field is ignored, which usually means a typo: `retry-after` instead of `retry_after` "
              + "leaves the default of 300 seconds in every server config. The message lists the known fields."),
      RuleInfo.of("maintenance.missing-title", Severity.ERROR, "the page has no title",
          "The title is the page's heading and its `<title>`; a reader who lands on a 503 needs to see at once "
              + "that the outage is planned. Add `title: \"...\"`."),
      RuleInfo.of("maintenance.bad-value", Severity.ERROR, "a front matter field has a value of the wrong kind",
          "Numbers must be whole numbers in range (`retry_after` 1 to 604800 seconds, `listen` a port), "
              + "`expected_end` an ISO date-time with an offset (`2026-11-23T22:00:00Z`), booleans `true` or "
              + "`false`, paths absolute and made of letters, digits, `.`, `_`, `-` and `/`. The shapes are "
              + "strict because these values are written into nginx, Apache, VCL and HAProxy configuration, where "
              + "a quote, space or `;` would change what the config means. The bypass secret must be 16 to 128 "
              + "URL-safe characters; generate one with `openssl rand -hex 16`."),
      RuleInfo.of("maintenance.bad-address", Severity.ERROR, "an allow-list entry is not an IP address or CIDR network",
          "Allow-list entries are literal IPv4 or IPv6 addresses (`192.0.2.10`, `2001:db8::10`) or networks "
              + "(`192.0.2.0/24`, `2001:db8::/48`). Host names are refused: none of the four servers resolves them "
              + "per request, and a name resolved once at startup silently goes stale."),
      RuleInfo.of("maintenance.address-host-bits", Severity.WARNING, "a CIDR network has host bits set",
          "`10.1.2.3/8` means the whole network `10.0.0.0/8`, which is rarely what was meant: usually it was one "
              + "host (`10.1.2.3`, or `/32`). nginx and HAProxy accept the form and match the network; the "
              + "generated configs use the network address the message names."),
      RuleInfo.of("maintenance.template", Severity.ERROR, "the theme's maintenance template cannot be rendered",
          "The page is rendered from `templates/maintenance.peb` of the site's theme, with strict variables: a "
              + "misspelt variable is an error, not an empty string. The template sees `site.title`, "
              + "`site.language`, `theme.site_css` and `page.*` (title, message, body, expected_end, "
              + "expected_end_iso, expected_end_absolute, links, refresh, retry_after)."),
      RuleInfo.of("maintenance.not-inlinable", Severity.ERROR, "a stylesheet, script, image, icon or font cannot be inlined",
          "The page must not depend on anything while the site is down, so every asset is pasted into the one "
              + "HTML file: stylesheets as `<style>` (their `url()` and `@import` too), images and fonts as `data:` "
              + "URIs. An asset on another host is never fetched at build time; one that is not in the theme's "
              + "static folders, or has a type opsbook does not know, cannot be inlined. Put the file into the "
              + "theme's `static/` folder and refer to it by a relative path."),
      RuleInfo.of("maintenance.external-reference", Severity.ERROR, "the finished page still references something outside itself",
          "After inlining, the page is parsed again and every attribute that makes a browser load or navigate "
              + "(`src`, `href`, `srcset`, `poster`, `action`, SVG `href`...) and every `url()`/`@import` is checked. "
              + "Only `#anchors`, `data:` URIs, `mailto:` links and links to the declared `contact`/`status` URLs may "
              + "remain. A reference anywhere else would fail while the site is down, or leak the visit to a third "
              + "party. Typical causes: a Markdown image with a remote URL in the body, a `<link rel=preconnect>` "
              + "in the template."),
      RuleInfo.of("maintenance.csp-blocked", Severity.ERROR, "the page contains something its own policy blocks",
          "The page's Content-Security-Policy allows inline `<style>` and `<script>` elements by their SHA-256 "
              + "hash and nothing else. Inline event handlers (`onclick=`) and `javascript:` links need "
              + "'unsafe-inline' or 'unsafe-hashes', which the policy does not grant, so they would silently do "
              + "nothing (error). A `style=` attribute is ignored for the same reason (warning). Move the code into "
              + "the page's script and the declaration into the stylesheet (CSP Level 3, section 6.1.13)."),
      RuleInfo.of("maintenance.over-budget", Severity.WARNING, "the page is larger than the size budget",
          "A maintenance page is served to every visitor during an incident and often from a proxy's memory. "
              + "The default budget is 100 KiB (`--budget-kib`). Inlined fonts and photos are the usual cause; "
              + "system fonts and an SVG logo keep a page near 15 KiB."),
      RuleInfo.of("maintenance.haproxy-buffer", Severity.WARNING, "the page does not fit HAProxy's default buffer",
          "HAProxy serves `http-request return ... file` from one buffer of `tune.bufsize` bytes (16384 by "
              + "default). It warns when the file leaves less than `tune.maxrewrite` (1024) bytes free and refuses "
              + "a file larger than the buffer (http_htx.c, http_parse_http_reply). For a larger page the generated "
              + "haproxy.cfg raises `tune.bufsize` in a `global` section; that costs the same amount per buffer on "
              + "every connection, so a smaller page is the better fix."),
      RuleInfo.of("maintenance.generated-config", Severity.ERROR, "opsbook's checker found a problem in a generated config",
          "Generated configs are run through opsbook's own checker for their language when one is installed. A "
              + "finding here is a bug in the generator or a value that slipped past validation; report it with the "
              + "page's front matter."),
      RuleInfo.of("maintenance.io", Severity.ERROR, "a maintenance page cannot be read",
          "`opsbook maintenance NAME` reads `content/maintenance/NAME.md`. The message names the file; the hint "
              + "lists the pages that exist."));

  /** For the service loader; the rules are also {@link #ALL}. */
  public MaintenanceRules() {}

  @Override
  public List<RuleInfo> rules() {
    return ALL;
  }
}
