package org.opsbook.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.util.ast.Document;

/**
 * Links bare URLs ({@code https://...}, {@code www....}, e-mail addresses) with flexmark's autolink
 * post-processor, but only in text that could hold one. That processor unescapes every text node
 * it is given, and its cost grows with the node's length times the character references and
 * backslash escapes in it: a 24 KB heading of {@code &colon;} took 48 s of CPU (found by the
 * seeded fuzz run). Text without {@code :}, {@code www}, {@code @} or a character reference
 * (which may unescape to either) has no URL to link, and text with more than {@value
 * #MAX_ESCAPES} references or escapes is left as it is. Most text has no link at all, so this
 * also keeps the processor's scanner off most of a site's text (a seventh of build time before).
 */
final class BareUrlLinks {
  static final int MAX_ESCAPES = 200;

  private final AutolinkNodePostProcessor linker;

  BareUrlLinks(Document document) {
    this.linker = new AutolinkNodePostProcessor(document);
  }

  /** Links the URLs in one text node, which it may split into text and links. */
  void link(Text text) {
    if (mayHoldUrl(SourceChars.of(text.getChars()))) {
      linker.process(AfterParse.NO_TRACKING, text);
    }
  }

  /**
   * Whether flexmark's autolinker could find anything in this text: a URL (its scanner starts at a
   * colon and wants "//" right after it), an e-mail address (at an {@code @}) or a "www." name.
   * Prose has colons everywhere; most are not followed by a slash, and the autolinker's regular
   * expressions cost far more than this look.
   */
  static boolean mayHoldUrl(String text) {
    boolean candidate = false;
    int escapes = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c == '&' || c == '\\') {
        if (++escapes > MAX_ESCAPES) {
          return false;
        }
        // A character reference (&#64;, &colon;) can become '@' or ':' once unescaped.
        candidate |= c == '&';
      } else if (c == ':' && i + 1 < n && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '\\') || c == '@'
          || ((c | 0x20) == 'w' && i + 2 < n && (text.charAt(i + 1) | 0x20) == 'w' && (text.charAt(i + 2) | 0x20) == 'w')) {
        candidate = true;
      }
    }
    return candidate;
  }

}
