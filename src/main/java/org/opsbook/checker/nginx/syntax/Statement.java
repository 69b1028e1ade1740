package org.opsbook.checker.nginx.syntax;

import java.util.List;

/**
 * What one call of the lexer returns, as ngx_conf_read_token() does: the words of a directive
 * ended by {@code ;} or {@code {}, a closing brace, the end of the text, or an error.
 *
 * @param line for an error, the line nginx names; for a directive, the line of its terminator
 */
record Statement(Kind kind, List<Word> words, int line, int column, String error) {
  enum Kind {
    /** Words ended by {@code ;}. */
    SIMPLE,
    /** Words ended by {@code {}. */
    BLOCK_START,
    /** A {@code }} with no words before it. */
    BLOCK_DONE,
    /** The end of the text, with nothing pending. */
    END,
    /** Something nginx refuses; reading stops. */
    ERROR
  }

  Statement {
    words = List.copyOf(words);
  }
}
