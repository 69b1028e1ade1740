package org.opsbook.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Markdown as a terminal shows it, for {@code opsbook explain}: paragraphs wrapped to a width,
 * {@code **bold**} in bold and {@code `code`} in cyan when colour is on, and as plain words and
 * 'quoted code' when it is off (never the raw asterisks and backticks), lists with hanging indents, code blocks
 * indented, links as "text (url)".
 */
public final class TerminalMarkdown {
  private static final String BOLD = "\u001b[1m";
  private static final String CODE = "\u001b[36m";
  private static final String ITALIC = "\u001b[3m";
  private static final String RESET = "\u001b[0m";
  private static final Parser PARSER = Parser.builder().build();

  private final int width;
  private final boolean color;

  public TerminalMarkdown(int width, boolean color) {
    this.width = width;
    this.color = color;
  }

  public String render(String markdown) {
    List<String> lines = new ArrayList<>();
    blocks(PARSER.parse(markdown), "", "", lines);
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return String.join("\n", lines) + "\n";
  }

  /** Renders the block children of {@code parent}, a blank line between blocks. */
  private void blocks(Node parent, String first, String rest, List<String> out) {
    String prefix = first;
    boolean tight = parent instanceof ListItem && parent.getParent() instanceof ListBlock list && list.isTight();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      int before = out.size();
      block(n, prefix, rest, out);
      if (out.size() > before) {
        prefix = rest;
        if (!tight && !(n instanceof ListBlock && n.getNext() == null && parent instanceof ListItem)) {
          out.add("");
        }
      }
    }
  }

  private void block(Node n, String first, String rest, List<String> out) {
    if (n instanceof Paragraph) {
      wrap(inline(n), first, rest, out);
    } else if (n instanceof Heading) {
      wrap(style(BOLD, inline(n)), first, rest, out);
    } else if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) {
      String code = n instanceof FencedCodeBlock f ? f.getContentChars().toString() : n.getChars().toString();
      for (String line : code.stripTrailing().split("\n", -1)) {
        out.add((rest + "    " + style(CODE, n instanceof IndentedCodeBlock ? line.replaceFirst("^ {4}", "") : line))
            .stripTrailing());
      }
    } else if (n instanceof BulletList || n instanceof OrderedList) {
      int number = n instanceof OrderedList o ? o.getStartNumber() : 0;
      for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
        String marker = n instanceof OrderedList ? (number++) + ". " : "- ";
        blocks(item, rest + marker, rest + " ".repeat(marker.length()), out);
        if (!((ListBlock) n).isTight() && item.getNext() != null && !out.isEmpty() && !out.get(out.size() - 1).isEmpty()) {
          out.add("");
        }
      }
      while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
        out.remove(out.size() - 1);
      }
    } else if (n instanceof BlockQuote) {
      blocks(n, rest + "| ", rest + "| ", out);
      while (!out.isEmpty() && out.get(out.size() - 1).strip().equals("|")) {
        out.remove(out.size() - 1);
      }
    } else if (n instanceof ThematicBreak) {
      out.add(rest + "-".repeat(Math.max(3, Math.min(20, width - rest.length()))));
    } else {
      wrap(n.getChars().toString().strip(), first, rest, out);
    }
  }

  private String inline(Node parent) {
    StringBuilder s = new StringBuilder();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text) {
        s.append(n.getChars().unescape());
      } else if (n instanceof Code c) {
        s.append(color ? style(CODE, c.getText().toString()) : "'" + c.getText() + "'");
      } else if (n instanceof StrongEmphasis) {
        s.append(style(BOLD, inline(n)));
      } else if (n instanceof Emphasis) {
        s.append(style(ITALIC, inline(n)));
      } else if (n instanceof Link link) {
        String text = inline(n);
        String url = link.getUrl().toString();
        s.append(text.equals(url) || url.isEmpty() ? text : text + " (" + url + ")");
      } else if (n instanceof SoftLineBreak) {
        s.append(' ');
      } else if (n instanceof HardLineBreak) {
        s.append('\n');
      } else if (n.hasChildren()) {
        s.append(inline(n));
      } else {
        s.append(n.getChars());
      }
    }
    return s.toString();
  }

  private String style(String code, String text) {
    return color && !text.isEmpty() ? code + text + RESET : text;
  }

  /** Fills words into lines of at most {@link #width} visible characters; a longer word gets a line of its own. */
  private void wrap(String text, String first, String rest, List<String> out) {
    for (String hard : text.split("\n")) {
      StringBuilder line = new StringBuilder(first);
      int visible = first.length();
      boolean empty = true;
      for (String word : hard.strip().split(" +")) {
        if (word.isEmpty()) {
          continue;
        }
        int w = visibleLength(word);
        if (!empty && visible + 1 + w > width) {
          out.add(line.toString());
          line = new StringBuilder(rest);
          visible = rest.length();
          empty = true;
        }
        if (!empty) {
          line.append(' ');
          visible++;
        }
        line.append(word);
        visible += w;
        empty = false;
      }
      out.add(line.toString().stripTrailing());
      first = rest;
    }
  }

  private static int visibleLength(String s) {
    String plain = s.replaceAll("\u001b\\[[0-9;]*m", "");
    return plain.codePointCount(0, plain.length());
  }
}
