package org.opsbook.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/**
 * SARIF 2.1.0, the static-analysis log format that GitHub code scanning uploads: one run whose
 * driver lists every rule (with the {@code opsbook explain} text as help) and one result per
 * finding, located by file, line and column.
 *
 * <p>File paths are relative to the repository root, so results carry {@code uriBaseId
 * %SRCROOT%}, which GitHub resolves against the checkout.
 */
public final class SarifFormat implements ReportFormat {
  static final String SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String name() {
    return "sarif";
  }

  @Override
  public void write(Report report, ReportOptions options, PrintWriter out) {
    List<Finding> findings = Finding.of(report);
    Map<String, RuleInfo> rules = rulesUsed(report, findings);
    Map<String, Integer> ruleIndex = new TreeMap<>();
    for (String id : rules.keySet()) {
      ruleIndex.put(id, ruleIndex.size());
    }

    ObjectNode log = mapper.createObjectNode();
    log.put("$schema", SCHEMA_URI);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "opsbook");
    ArrayNode ruleArray = driver.putArray("rules");
    for (RuleInfo rule : rules.values()) {
      writeRule(rule, ruleArray.addObject());
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    invocation.putArray("arguments").add(options.command());
    ArrayNode results = run.putArray("results");
    for (Finding f : findings) {
      ObjectNode result = results.addObject();
      result.put("ruleId", f.rule().value());
      result.put("ruleIndex", ruleIndex.get(f.rule().value()));
      result.put("level", level(f.severity()));
      result.putObject("message").put("text", f.hint() == null ? f.message() : f.message() + "\nhint: " + f.hint());
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      ObjectNode artifact = physical.putObject("artifactLocation");
      artifact.put("uri", uri(f.where().file()));
      artifact.put("uriBaseId", SRCROOT);
      ObjectNode region = physical.putObject("region");
      region.put("startLine", f.where().line());
      region.put("startColumn", f.where().column());
    }
    run.put("columnKind", "utf16CodeUnits");
    try {
      out.print(mapper.writeValueAsString(log).replace("\r\n", "\n") + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write SARIF report", e);
    }
  }

  private static void writeRule(RuleInfo rule, ObjectNode node) {
    node.put("id", rule.id().value());
    node.put("name", pascalName(rule.id()));
    node.putObject("shortDescription").put("text", rule.summary());
    String explanation = rule.explanation().isBlank() ? rule.summary() : rule.explanation();
    node.putObject("fullDescription").put("text", firstParagraph(explanation));
    ObjectNode help = node.putObject("help");
    help.put("text", explanation);
    help.put("markdown", explanation);
    node.putObject("defaultConfiguration").put("level", level(rule.severity()));
    node.putObject("properties").putArray("tags").add(rule.id().checker());
  }

  /**
   * The rules to describe: every rule the run's checkers know, plus any rule a finding names that
   * no checker declared (the pipeline's own, such as a failed test), so that every result's
   * {@code ruleIndex} points at a descriptor.
   */
  private static Map<String, RuleInfo> rulesUsed(Report report, List<Finding> findings) {
    Map<String, RuleInfo> rules = new TreeMap<>();
    for (RuleInfo rule : report.rules()) {
      rules.put(rule.id().value(), rule);
    }
    Map<String, RuleInfo> extra = new LinkedHashMap<>();
    for (Finding f : findings) {
      if (!rules.containsKey(f.rule().value())) {
        extra.putIfAbsent(f.rule().value(), Finding.describe(f.rule(), f.severity()));
      }
    }
    rules.putAll(extra);
    return rules;
  }

  static String level(Severity severity) {
    switch (severity) {
      case ERROR:
        return "error";
      case WARNING:
        return "warning";
      default:
        return "note";
    }
  }

  /**
   * A relative URI reference for a project-relative path (RFC 3986): bytes outside the unreserved
   * and sub-delimiter characters are percent-encoded, slashes kept, and {@code :} encoded so that
   * a first segment never reads as a scheme.
   */
  static String uri(String file) {
    StringBuilder s = new StringBuilder();
    for (byte b : file.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=@/".indexOf(c) >= 0)) {
        s.append((char) c);
      } else {
        s.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return s.toString();
  }

  /** {@code sshd.permit-root-login} becomes {@code SshdPermitRootLogin}, SARIF's readable rule name. */
  static String pascalName(RuleId id) {
    StringBuilder s = new StringBuilder();
    boolean upper = true;
    for (char c : id.value().toCharArray()) {
      if (c == '.' || c == '-' || c == '_') {
        upper = true;
      } else {
        s.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return s.toString();
  }

  private static String firstParagraph(String markdown) {
    String trimmed = markdown.strip();
    int end = trimmed.indexOf("\n\n");
    return end < 0 ? trimmed : trimmed.substring(0, end);
  }
}
