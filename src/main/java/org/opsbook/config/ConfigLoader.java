package org.opsbook.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.RuleInfo;
import org.opsbook.content.Utf8Text;
import org.opsbook.content.YamlLocation;
import org.opsbook.content.YamlTree;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.IoReason;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;
import org.opsbook.diag.SourceSpan;
import org.opsbook.markdown.RawHtml;

/**
 * Reads {@code opsbook.yaml}. Unknown keys are errors (a misspelt {@code base_url} would otherwise
 * publish a site with the wrong links), reported at their line.
 */
public final class ConfigLoader {
  /** A configuration is a few kilobytes; a larger file is not one (or is {@code /dev/zero}). */
  private static final int MAX_BYTES = 1 << 20;
  private static final Set<String> KNOWN =
      Set.of("title", "base_url", "author", "language", "description", "theme", "checkers", "rules",
          "home_articles", "hsts_max_age", "markdown", "pagination", "repo_url", "edit_path");

  private final CheckerSettings checkerSettings;
  private final Supplier<CheckerRegistry> registry;

  /** A loader that holds {@code checkers:} and {@code rules:} to the registered checkers. */
  public ConfigLoader() {
    this(CheckerRegistry::load);
  }

  /** A loader that holds {@code checkers:} and {@code rules:} to {@code checkers}. */
  public ConfigLoader(CheckerRegistry checkers) {
    this(() -> checkers);
  }

  /** @param registry asked only when a file has a {@code checkers:} or {@code rules:} section */
  private ConfigLoader(Supplier<CheckerRegistry> registry) {
    this.registry = registry;
    this.checkerSettings = new CheckerSettings(() -> registry.get().checkers());
  }

  /**
   * Loads the file, or the defaults when it does not exist.
   *
   * @param file the configuration file
   * @param displayName how diagnostics name it
   */
  public SiteConfig load(Path file, String displayName) throws ConfigException {
    if (!Files.exists(file)) {
      return SiteConfig.defaults();
    }
    String text;
    try {
      text = Utf8Text.read(file, MAX_BYTES);
    } catch (Utf8Text.InvalidUtf8Exception e) {
      throw new ConfigException(e.diagnostic(displayName).withHint(null));
    } catch (IOException e) {
      throw new ConfigException(error(displayName, 1, 1, "cannot read the configuration: " + IoReason.of(e), null));
    }
    return parse(text, displayName);
  }

  public SiteConfig parse(String text, String displayName) throws ConfigException {
    JsonNode root;
    try {
      root = YamlTree.read(text);
    } catch (JsonProcessingException e) {
      YamlLocation at = YamlLocation.of(text, e);
      throw new ConfigException(
          error(displayName, at.line(), at.column(), "not valid YAML: " + YamlLocation.reason(e), "fix the YAML syntax"));
    } catch (IOException | RuntimeException e) {
      // RuntimeException: the YAML library's own bugs on hostile input are still a finding, not a crash.
      throw new ConfigException(error(displayName, 1, 1, "cannot read the configuration: " + e.getMessage(), null));
    }
    if (root.isMissingNode() || root.isNull()) {
      return SiteConfig.defaults();
    }
    if (!root.isObject()) {
      throw new ConfigException(error(displayName, 1, 1, "the configuration must be a mapping of keys to values", null));
    }
    List<Diagnostic> problems = new ArrayList<>();
    KeyPositions at = KeyPositions.read(text);
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KNOWN.contains(key)) {
        problems.add(
            error(displayName, at.of(key), "unknown setting '" + key + "'",
                "known settings: " + String.join(", ", new java.util.TreeSet<>(KNOWN))));
      }
    }
    SiteConfig d = SiteConfig.defaults();
    String title = text(root, "title", d.title());
    String author = text(root, "author", d.author());
    String language = text(root, "language", d.language());
    String description = text(root, "description", d.description());
    String theme = text(root, "theme", d.theme());
    URI baseUrl = d.baseUrl();
    if (root.hasNonNull("base_url")) {
      String raw = root.get("base_url").asText();
      try {
        baseUrl = BaseUrls.parse(raw);
      } catch (IllegalArgumentException e) {
        problems.add(
            error(displayName, at.of("base_url"), "base_url '" + raw + "' " + e.getMessage(),
                "write it as https://docs.example.org/ or https://example.org/docs/"));
      }
    }
    Map<String, String> checkerOptions = new TreeMap<>();
    JsonNode checkers = root.get("checkers");
    if (checkers != null && !checkers.isNull()) {
      checkerOptions = checkerSettings.read(checkers, at, displayName, problems);
    }
    Map<String, Severity> ruleSeverity = new TreeMap<>();
    JsonNode rules = root.get("rules");
    if (rules != null && !rules.isNull() && !rules.isObject()) {
      problems.add(error(displayName, at.of("rules"), "rules: must map rule IDs to severities",
          "write one 'rule-id: error|warning|info|off' line per rule, indented under rules:"));
    } else if (rules != null && !rules.isNull()) {
      CheckerRegistry known = registry.get();
      rules.fields().forEachRemaining(r -> {
        // YAML 1.1 reads a bare off as the boolean false: it is the word the writer meant.
        String value = r.getValue().isBoolean() && !r.getValue().booleanValue() ? "off" : r.getValue().asText();
        // Stored under the rule's current ID, which diagnostics carry, when a former one is given.
        RuleId rule = RuleId.isWellFormed(r.getKey()) ? known.rule(r.getKey()).map(RuleInfo::id).orElse(null) : null;
        if (!RuleId.isWellFormed(r.getKey())) {
          problems.add(error(displayName, at.of("rules", r.getKey()), "'" + r.getKey() + "' is not a rule ID",
              "rule IDs read checker.rule-name, as 'opsbook explain --list' shows"));
        } else if (rule == null) {
          problems.add(error(displayName, at.of("rules", r.getKey()), "no checker reports a rule '" + r.getKey() + "'",
              known.closestRule(r.getKey()).map(c -> "did you mean " + c + "?")
                  .orElse("run 'opsbook explain --list' for rule IDs")));
        } else if (known.checker(rule.checker()).isEmpty()) {
          // The pipeline's and the maintenance pages' rules guard the build itself (a link out of
          // the project, a broken link, a page over its budget); rules: would be read and ignored.
          problems.add(error(displayName, at.of("rules", r.getKey()), "'" + r.getKey() + "' is reported by opsbook"
                  + " itself, not by a checker; rules: changes only checkers' rules",
              "fix what " + r.getKey() + " reports; 'opsbook explain " + r.getKey() + "' says how"));
        } else if (value.equals("off")) {
          ruleSeverity.put(rule.value(), null);
        } else {
          try {
            ruleSeverity.put(rule.value(), Severity.fromLabel(value));
          } catch (IllegalArgumentException e) {
            problems.add(error(displayName, at.of("rules", r.getKey()),
                "rule severity '" + value + "' is not one of error, warning, info, off", null));
          }
        }
      });
    }
    RawHtml rawHtml = rawHtml(root, displayName, at, problems);
    int homeArticles = intValue(root, "home_articles", d.homeArticles(), displayName, at, problems);
    long hsts = intValue(root, "hsts_max_age", (int) d.hstsMaxAge(), displayName, at, problems);
    int pageSize = pageSize(root, displayName, at, problems);
    SiteConfig.EditLinks edit = editLinks(root, displayName, at, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new SiteConfig(title, baseUrl, author, language, description, theme, checkerOptions, ruleSeverity,
        homeArticles, hsts, rawHtml, pageSize, edit);
  }

  /** {@code pagination: {page_size: N}}; 0 or absent keeps every list on one page. */
  private static int pageSize(JsonNode root, String file, KeyPositions at, List<Diagnostic> problems) {
    JsonNode pagination = root.get("pagination");
    if (pagination == null || pagination.isNull()) {
      return 0;
    }
    if (!pagination.isObject()) {
      problems.add(error(file, at.of("pagination"), "pagination must be a mapping, such as 'page_size: 20'", null));
      return 0;
    }
    for (Iterator<String> it = pagination.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("page_size")) {
        problems.add(error(file, at.of("pagination", key), "unknown setting 'pagination." + key + "'",
            "known: pagination.page_size"));
      }
    }
    JsonNode size = pagination.get("page_size");
    if (size == null || size.isNull()) {
      return 0;
    }
    if (!size.isIntegralNumber() || !size.canConvertToInt() || size.asInt() < 0) {
      problems.add(error(file, at.of("pagination", "page_size"),
          "pagination.page_size '" + size.asText() + "' must be a whole number, 0 or more",
          "write how many articles a tag or archive page lists, or 0 to keep each list on one page"));
      return 0;
    }
    return size.asInt();
  }

  /** {@code repo_url} and {@code edit_path}, which only make an "edit this page" link together. */
  private static SiteConfig.EditLinks editLinks(JsonNode root, String file, KeyPositions at, List<Diagnostic> problems) {
    JsonNode repo = root.get("repo_url");
    JsonNode path = root.get("edit_path");
    boolean hasRepo = repo != null && !repo.isNull();
    boolean hasPath = path != null && !path.isNull();
    if (!hasRepo && !hasPath) {
      return SiteConfig.EditLinks.NONE;
    }
    int before = problems.size();
    String repoUrl = hasRepo ? repo.asText() : "";
    String editPath = hasPath ? path.asText() : "";
    if (hasRepo != hasPath) {
      String given = hasRepo ? "repo_url" : "edit_path";
      problems.add(error(file, at.of(given),
          given + " is set but " + (hasRepo ? "edit_path" : "repo_url") + " is not; edit links need both",
          "for GitHub write repo_url: https://github.com/OWNER/REPO and edit_path: edit/main/content/"));
    }
    if (hasRepo) {
      URI uri = null;
      try {
        uri = repo.isTextual() ? new URI(repoUrl) : null;
      } catch (java.net.URISyntaxException e) {
        uri = null;
      }
      if (uri == null || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
          || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
        problems.add(error(file, at.of("repo_url"),
            "repo_url '" + repoUrl + "' is not an http or https address without query or fragment",
            "write it as https://github.com/OWNER/REPO"));
      }
    }
    if (hasPath && (!path.isTextual() || editPath.startsWith("/") || editPath.contains("?") || editPath.contains("#")
        || java.util.Arrays.asList(editPath.split("/")).contains(".."))) {
      problems.add(error(file, at.of("edit_path"),
          "edit_path '" + editPath + "' must be a path below repo_url, without a leading /, '..', ? or #",
          "for GitHub write edit/BRANCH/content/"));
    }
    return problems.size() == before ? new SiteConfig.EditLinks(repoUrl, editPath) : SiteConfig.EditLinks.NONE;
  }

  /** {@code markdown: {raw_html: allow | escape | error}}. */
  private static RawHtml rawHtml(JsonNode root, String file, KeyPositions at, List<Diagnostic> problems) {
    JsonNode markdown = root.get("markdown");
    if (markdown == null || markdown.isNull()) {
      return RawHtml.ALLOW;
    }
    if (!markdown.isObject()) {
      problems.add(error(file, at.of("markdown"), "markdown must be a mapping, such as 'raw_html: escape'", null));
      return RawHtml.ALLOW;
    }
    for (Iterator<String> it = markdown.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("raw_html")) {
        problems.add(error(file, at.of("markdown", key), "unknown setting 'markdown." + key + "'", "known: markdown.raw_html"));
      }
    }
    JsonNode value = markdown.get("raw_html");
    if (value == null || value.isNull()) {
      return RawHtml.ALLOW;
    }
    java.util.Optional<RawHtml> mode = value.isTextual() ? RawHtml.fromLabel(value.asText()) : java.util.Optional.empty();
    if (mode.isEmpty()) {
      problems.add(error(file, at.of("markdown", "raw_html"),
          "markdown.raw_html '" + value.asText() + "' is not one of allow, escape, error", null));
      return RawHtml.ALLOW;
    }
    return mode.get();
  }

  private static String text(JsonNode root, String key, String fallback) {
    JsonNode n = root.get(key);
    return n == null || n.isNull() ? fallback : n.asText();
  }

  private static int intValue(JsonNode root, String key, int fallback, String file, KeyPositions at, List<Diagnostic> problems) {
    JsonNode n = root.get(key);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.canConvertToInt() || n.asInt() < 0) {
      problems.add(error(file, at.of(key), key + " must be a whole number", null));
      return fallback;
    }
    return n.asInt();
  }

  private static Diagnostic error(String file, KeyPositions.Position at, String message, String hint) {
    return error(file, at.line(), at.column(), message, hint);
  }

  private static Diagnostic error(String file, int line, int column, String message, String hint) {
    return new Diagnostic(new SourceSpan(file, line, column), org.opsbook.check.CoreRules.CONFIG, Severity.ERROR, message, hint);
  }
}
