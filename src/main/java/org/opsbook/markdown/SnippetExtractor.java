package org.opsbook.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.check.CoreRules;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;
import org.opsbook.snippet.InfoString;
import org.opsbook.snippet.InfoStringParser;

/** Turns a fenced code block into a {@link Snippet}: text, position, info-string attributes. */
final class SnippetExtractor {
  private static final Pattern COMMENT =
      Pattern.compile("\\A\\s*<!--\\s*opsbook:(.*?)-->\\s*\\z", Pattern.DOTALL);

  private SnippetExtractor() {}

  /** Whether a file= path ends in a file name: not empty, not '.', not '..', not a folder ending in '/'. */
  static boolean namesAFile(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    return !last.isBlank() && !last.equals(".") && !last.equals("..") && last.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }

  static ExtractedSnippet toSnippet(FencedCodeBlock block, LineMap lines) {
    List<Diagnostic> problems = new ArrayList<>();
    BasedSequence infoChars = block.getInfo();
    String info = SourceChars.of(infoChars);
    int fenceOffset = block.getOpeningMarker().getStartOffset();
    SourceSpan fence = lines.at(fenceOffset);
    InfoString parsed = InfoStringParser.parse(info);
    for (InfoString.Problem p : parsed.problems()) {
      int at = infoChars.isNull() ? fenceOffset : infoChars.getStartOffset() + Math.min(p.offset(), info.length());
      problems.add(CoreRules.diagnostic(CoreRules.ATTRIBUTE, lines.at(at), p.message(), null));
    }
    SortedMap<String, String> attributes = new TreeMap<>();
    int commentOffset = fenceOffset;
    Node previous = block.getPrevious();
    if (previous instanceof HtmlCommentBlock || previous instanceof HtmlBlock) {
      String html = previous.getChars().toString();
      Matcher m = COMMENT.matcher(html);
      int commentEndLine = lines.bodyLine(Math.max(previous.getEndOffset() - 1, previous.getStartOffset()));
      if (m.matches() && commentEndLine + 1 >= lines.bodyLine(fenceOffset) - 0) {
        InfoString fromComment = InfoStringParser.parseAttributesOnly(m.group(1));
        attributes.putAll(fromComment.attributes());
        commentOffset = previous.getStartOffset();
        for (InfoString.Problem p : fromComment.problems()) {
          problems.add(CoreRules.diagnostic(CoreRules.ATTRIBUTE, lines.at(previous.getStartOffset()), p.message(), null));
        }
      }
    }
    // The info string is nearer to the code than the comment, so it wins on a conflict.
    attributes.putAll(parsed.attributes());
    String file = attributes.get("file");
    if (file != null && !file.equals("true") && !namesAFile(file)) {
      int at = parsed.attributes().containsKey("file") ? info.indexOf("file=") : -1;
      problems.add(CoreRules.diagnostic(CoreRules.ATTRIBUTE,
          lines.at(at < 0 || infoChars.isNull() ? commentOffset : infoChars.getStartOffset() + at),
          "file=" + file + " names a folder, not a file", "give the path of the file on the server, such as"
              + " file=/etc/ssh/sshd_config"));
      attributes.remove("file");
    }

    StringBuilder text = new StringBuilder();
    List<BasedSequence> contentLines = block.getContentLines();
    int firstContentOffset = -1;
    for (BasedSequence line : contentLines) {
      if (firstContentOffset < 0 && !line.isBlank()) {
        firstContentOffset = line.getStartOffset();
      }
      String s = SourceChars.of(line);
      if (s.endsWith("\n")) {
        s = s.substring(0, s.length() - (s.endsWith("\r\n") ? 2 : 1));
      } else if (s.endsWith("\r")) {
        // CommonMark ends a line at a lone CR. The daemon that reads the file does not, nor does
        // any position opsbook reports: the CR stays in the line, and the next line follows it.
        text.append(s);
        continue;
      }
      text.append(s).append('\n');
    }
    // The first content line, where a lone CR ended the fence's own line, is on the fence's line.
    int originLine = contentLines.isEmpty() ? fence.line() + 1 : lines.at(contentLines.get(0).getStartOffset()).line();
    SourceSpan origin = new SourceSpan(fence.file(), originLine, 1);
    // flexmark strips the container's and the fence's indentation from content lines; the first
    // non-blank line's start tells how far right of column 1 the snippet text sits in the file.
    int columnOffset = firstContentOffset < 0 ? 0 : lines.column(firstContentOffset) - 1;
    String language = parsed.language();
    Snippet snippet = new Snippet(language, text.toString(), origin, columnOffset, attributes, fence);
    return new ExtractedSnippet(snippet, problems);
  }
}
