package org.opsbook.maintenance.inline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The Content-Security-Policy of a self-contained page: inline styles and scripts allowed by the
 * SHA-256 of their exact text (CSP 3 §8.4 hashes the UTF-8 bytes of the element's text), images
 * and fonts from {@code data:} only, nothing else.
 *
 * @param styleHashes {@code 'sha256-...'} sources for the {@code <style>} elements, in page order
 * @param scriptHashes the same for inline {@code <script>} elements
 */
public record ContentSecurityPolicy(List<String> styleHashes, List<String> scriptHashes) {

  public ContentSecurityPolicy {
    styleHashes = List.copyOf(styleHashes);
    scriptHashes = List.copyOf(scriptHashes);
  }

  /** Hashes every inline style and script of the document as it will be written. */
  public static ContentSecurityPolicy of(Document document) {
    Set<String> styles = new LinkedHashSet<>();
    Set<String> scripts = new LinkedHashSet<>();
    for (Element style : document.select("style")) {
      styles.add(hash(style.data()));
    }
    for (Element script : document.select("script:not([src])")) {
      scripts.add(hash(script.data()));
    }
    return new ContentSecurityPolicy(List.copyOf(styles), List.copyOf(scripts));
  }

  static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }

  /** The policy for a {@code <meta http-equiv>} element, which cannot carry frame-ancestors. */
  public String forMeta() {
    return "default-src 'none'; "
        + "style-src " + sources(styleHashes) + "; "
        + "script-src " + sources(scriptHashes) + "; "
        + "img-src data:; font-src data:; base-uri 'none'; form-action 'none'";
  }

  /** The policy for the HTTP header the servers send with the page. */
  public String forHeader() {
    return forMeta() + "; frame-ancestors 'none'";
  }

  private static String sources(List<String> hashes) {
    return hashes.isEmpty() ? "'none'" : String.join(" ", hashes);
  }
}
