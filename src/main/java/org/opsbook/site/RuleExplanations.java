package org.opsbook.site;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.RuleInfo;
import org.opsbook.markdown.MarkdownPipeline;

/**
 * The rule pages' explanations as HTML, rendered when opsbook itself is built. An explanation
 * depends only on opsbook's own rules, yet rendering all of them from Markdown cost every build
 * about 0.2 s of CPU, an eighth of a small site's build.
 *
 * <p>{@link #main} writes {@value #RESOURCE} into the compiled classes (Maven runs it before the
 * tests and the jar). Each entry keeps the Markdown it was rendered from, and {@link #html} uses
 * an entry only when that Markdown is the rule's explanation now, so a resource left over from an
 * older compile can slow a build but never change a page. Rules without an entry are rendered as
 * before. The class is public only so that Maven can run {@link #main}.
 */
public final class RuleExplanations {
  static final String RESOURCE = "org/opsbook/site/rule-explanations.bin";
  private static final int FORMAT = 1;
  /** A damaged resource is ignored, not trusted: no explanation comes near this size. */
  private static final int MAX_STRING = 16 * 1024 * 1024;

  private record Rendered(String markdown, String html) {}

  private final Map<String, Rendered> byRule;

  private RuleExplanations(Map<String, Rendered> byRule) {
    this.byRule = byRule;
  }

  /** The explanations rendered with opsbook's build; none when the resource is missing or unreadable. */
  static RuleExplanations prerendered() {
    try (InputStream in = RuleExplanations.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return in == null ? new RuleExplanations(Map.of()) : read(in);
    } catch (IOException e) {
      // Only slower: every explanation is rendered from its Markdown.
      return new RuleExplanations(Map.of());
    }
  }

  /** The rule's explanation as HTML: the prerendered one when it is still current, else rendered now. */
  String html(RuleInfo rule, MarkdownPipeline markdown) {
    return isCurrent(rule) ? byRule.get(rule.id().value()).html() : markdown.toHtml(rule.explanation());
  }

  /** Whether the rule has a prerendered explanation, made from the Markdown it has now. */
  boolean isCurrent(RuleInfo rule) {
    Rendered kept = byRule.get(rule.id().value());
    return kept != null && kept.markdown().equals(rule.explanation());
  }

  /** How many rules have a prerendered explanation. */
  int size() {
    return byRule.size();
  }

  static RuleExplanations read(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
    if (in.readInt() != FORMAT) {
      return new RuleExplanations(Map.of());
    }
    int count = in.readInt();
    if (count < 0 || count > 100_000) {
      throw new IOException(count + " entries");
    }
    Map<String, Rendered> byRule = new HashMap<>(count * 2);
    for (int i = 0; i < count; i++) {
      String id = readString(in);
      byRule.put(id, new Rendered(readString(in), readString(in)));
    }
    return new RuleExplanations(byRule);
  }

  static void write(List<RuleInfo> rules, MarkdownPipeline markdown, OutputStream stream) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
    out.writeInt(FORMAT);
    out.writeInt(rules.size());
    for (RuleInfo rule : rules) {
      writeString(out, rule.id().value());
      writeString(out, rule.explanation());
      writeString(out, markdown.toHtml(rule.explanation()));
    }
    out.flush();
  }

  // Not DataOutput.writeUTF: that stops at 64 KB.
  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_STRING) {
      throw new IOException("a string of " + length + " bytes");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void writeString(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** Writes {@value #RESOURCE} under the classes folder named by the one argument. */
  public static void main(String[] args) throws IOException {
    Path target = Path.of(args[0]).resolve(RESOURCE);
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      write(CheckerRegistry.load().rules(), new MarkdownPipeline(), out);
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
