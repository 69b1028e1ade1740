package org.opsbook.snippet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.TokenKind;

/**
 * What the copy button copies: the commands of a snippet without their prompts ({@code $ },
 * {@code # }) and without the output lines between them. A snippet with no prompts is copied as it is.
 */
public final class CopyText {
  /** Transcript languages, where {@code # } is a root prompt rather than a comment. */
  private static final Set<String> SESSIONS = Set.of("console", "shell-session", "session", "terminal");
  /** Shell languages: {@code $ } marks a command, other lines are output when prompts are used. */
  private static final Set<String> SHELLS = Set.of("shell", "sh", "bash", "zsh");

  private CopyText() {}

  /**
   * @param tokens the checker's tokens; its {@link TokenKind#PROMPT} tokens mark prompts
   */
  public static String of(String text, String language, List<HighlightToken> tokens) {
    List<HighlightToken> prompts = tokens.stream().filter(t -> t.kind() == TokenKind.PROMPT).toList();
    if (prompts.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int lineStart = 0;
    int p = 0;
    boolean continuing = false;
    while (lineStart < text.length()) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? text.length() : nl;
      while (p < prompts.size() && prompts.get(p).start() < lineStart) {
        p++;
      }
      String line = text.substring(lineStart, lineEnd);
      if (p < prompts.size() && prompts.get(p).start() == lineStart) {
        String command = text.substring(prompts.get(p).end(), lineEnd);
        out.append(command).append('\n');
        continuing = command.endsWith("\\");
      } else if (continuing) {
        out.append(line).append('\n');
        continuing = line.endsWith("\\");
      }
      lineStart = lineEnd + 1;
    }
    return out.toString();
  }

  /** Prompt tokens for snippets no checker reads: {@code $ } in shells, also {@code # } in transcripts. */
  public static List<HighlightToken> promptTokens(String text, String language) {
    boolean session = SESSIONS.contains(language);
    if (!session && !SHELLS.contains(language)) {
      return List.of();
    }
    List<HighlightToken> out = new ArrayList<>();
    int lineStart = 0;
    while (lineStart < text.length()) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? text.length() : nl;
      if (text.startsWith("$ ", lineStart) || session && text.startsWith("# ", lineStart)) {
        out.add(new HighlightToken(lineStart, lineStart + 2, TokenKind.PROMPT));
      }
      lineStart = lineEnd + 1;
    }
    return out;
  }
}
