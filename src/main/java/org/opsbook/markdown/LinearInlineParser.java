package org.opsbook.markdown;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.CommonmarkInlineParser;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's CommonMark inline parser with its cost kept linear in the paragraph's length.
 *
 * <p>Measured: 20,000 {@code [a](} in one paragraph took 23 s, because every regex step did work
 * proportional to the rest of the paragraph: {@code LightInlineParserImpl.match} searches with
 * {@code find()} (trying every later start position, although every pattern it is given is
 * anchored with {@code ^}) and copies the whole paragraph in {@code Matcher.toMatchResult()}
 * (JDK 17 copies the matcher's text); and each {@code (} after {@code ]} scanned the rest of the
 * paragraph for a closing parenthesis. Here anchored patterns match with {@code lookingAt()} and
 * no copy, and a link destination may nest parentheses {@value #MAX_PAREN_DEPTH} deep, as in cmark
 * (CommonMark 0.31, link destination: "implementations may impose limits on parentheses nesting
 * to avoid performance issues, but at least three levels of nesting should be supported").
 *
 * <p>A regular expression that exhausts the stack on a very long construct (Java's regex engine
 * recurses for each repetition of a group, so a 20,000-character link title overflows) counts as
 * no match; the position is recorded with {@link ParseLimits} and reported.
 */
final class LinearInlineParser extends CommonmarkInlineParser {
  static final int MAX_PAREN_DEPTH = 32;

  private Document document;

  LinearInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
      Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
      List<InlineParserExtensionFactory> extensions) {
    super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, extensions);
  }

  @Override
  public void initializeDocument(Document document) {
    super.initializeDocument(document);
    this.document = document;
  }

  @Override
  public BasedSequence match(Pattern re) {
    Matcher m = matchHere(re);
    return m == null ? null : input.subSequence(m.start(), m.end());
  }

  @Override
  public BasedSequence[] matchWithGroups(Pattern re) {
    Matcher m = matchHere(re);
    if (m == null) {
      return null;
    }
    BasedSequence[] groups = new BasedSequence[m.groupCount() + 1];
    for (int i = 0; i < groups.length; i++) {
      groups[i] = m.start(i) < 0 ? null : input.subSequence(m.start(i), m.end(i));
    }
    return groups;
  }

  @Override
  public Matcher matcher(Pattern re) {
    return matchHere(re);
  }

  /** Matches at the current index (anchored patterns) or after it, and moves past the match. */
  private Matcher matchHere(Pattern re) {
    if (index >= input.length()) {
      return null;
    }
    Matcher m = re.matcher(input);
    m.region(index, input.length());
    boolean found;
    try {
      found = re.pattern().startsWith("^") ? m.lookingAt() : m.find();
    } catch (StackOverflowError e) {
      ParseLimits.record(document, input.subSequence(index).getStartOffset(),
          "this construct is too long for the Markdown parser, which treats it as plain text");
      return null;
    }
    if (!found) {
      return null;
    }
    index = m.end();
    return m;
  }

  /**
   * A run of ordinary characters, as flexmark's own method finds it, read from the source string
   * where the paragraph is one piece of it. flexmark reads each character through two interface
   * calls and a bounds check; this loop was 2 % of a large build.
   */
  @Override
  protected boolean parseString() {
    int begin = index;
    int end = input.length();
    if (input instanceof SubSequence piece && piece.getBase() instanceof String source) {
      int offset = piece.getStartOffset();
      BitSet special = specialCharacters;
      int at = begin + offset;
      int stop = end + offset;
      while (at < stop && !special.get(asFlexmarkSees(source.charAt(at)))) {
        at++;
      }
      index = at - offset;
    } else {
      while (index < end && !specialCharacters.get(input.charAt(index))) {
        index++;
      }
    }
    if (index == begin) {
      return false;
    }
    appendText(input, begin, index);
    return true;
  }

  /** A NUL in the source reads as U+FFFD through flexmark's sequences. */
  private static char asFlexmarkSees(char c) {
    return c == '\0' ? '\uFFFD' : c;
  }

  @Override
  public BasedSequence parseLinkDestination() {
    if (peek() != '<' && nestsTooDeep()) {
      return null;
    }
    return super.parseLinkDestination();
  }

  /**
   * Whether the destination starting at the index opens more than {@value #MAX_PAREN_DEPTH}
   * parentheses before it ends; looks no further than that.
   */
  private boolean nestsTooDeep() {
    int depth = 0;
    for (int i = index; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        if (++depth > MAX_PAREN_DEPTH) {
          return true;
        }
      } else if (c == ')') {
        if (depth == 0) {
          return false;
        }
        depth--;
      } else if (c <= ' ') {
        return false;
      }
    }
    return false;
  }
}
