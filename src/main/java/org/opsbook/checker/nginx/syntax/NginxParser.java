package org.opsbook.checker.nginx.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.opsbook.checker.nginx.model.Arg;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.Source;

/**
 * Reads nginx configuration text into directives, as ngx_conf_parse() does (nginx:
 * src/core/ngx_conf_file.c): a {@code }} at the top level is refused, and so is the end of the
 * text inside a block. Blocks nest without recursion, so any depth is safe. Stateless.
 */
public final class NginxParser {
  private NginxParser() {}

  /**
   * Reads {@code source}'s snippet text.
   *
   * @param excerpt whether the text is an excerpt that may stop inside a block: blocks still open
   *     at its end are closed there instead of being an error
   */
  public static ParsedText parse(Source source, boolean excerpt) {
    NginxLexer lexer = new NginxLexer(source.snippet().text());
    Deque<Open> stack = new ArrayDeque<>();
    List<Directive> top = new ArrayList<>();
    while (true) {
      Statement st = lexer.next();
      List<Directive> current = stack.isEmpty() ? top : stack.peek().children;
      switch (st.kind()) {
        case SIMPLE -> current.add(directive(st, null, st.line(), source));
        case BLOCK_START -> stack.push(new Open(st, new ArrayList<>()));
        case BLOCK_DONE -> {
          if (stack.isEmpty()) {
            return new ParsedText(top, Optional.of(new SyntaxError("unexpected \"}\"", st.line(), st.column())));
          }
          Open done = stack.pop();
          (stack.isEmpty() ? top : stack.peek().children).add(directive(done.start, done.children, st.line(), source));
        }
        case END -> {
          if (!stack.isEmpty() && !excerpt) {
            closeAll(stack, top, st.line(), source);
            return new ParsedText(top, Optional.of(
                new SyntaxError("unexpected end of file, expecting \"}\"", st.line(), st.column())));
          }
          closeAll(stack, top, st.line(), source);
          return new ParsedText(top, Optional.empty());
        }
        case ERROR -> {
          closeAll(stack, top, st.line(), source);
          return new ParsedText(top, Optional.of(new SyntaxError(st.error(), st.line(), st.column())));
        }
      }
    }
  }

  /** The spans a highlighter colours: words, comments, punctuation, up to the first error. */
  static List<Span> spans(String text) {
    NginxLexer lexer = new NginxLexer(text);
    while (true) {
      Statement.Kind k = lexer.next().kind();
      if (k == Statement.Kind.END || k == Statement.Kind.ERROR) {
        return lexer.spans();
      }
    }
  }

  private record Open(Statement start, List<Directive> children) {}

  private static void closeAll(Deque<Open> stack, List<Directive> top, int line, Source source) {
    while (!stack.isEmpty()) {
      Open done = stack.pop();
      (stack.isEmpty() ? top : stack.peek().children).add(directive(done.start, done.children, line, source));
    }
  }

  private static Directive directive(Statement st, List<Directive> children, int closeLine, Source source) {
    List<Word> words = st.words();
    Word name = words.get(0);
    List<Arg> args = new ArrayList<>(words.size() - 1);
    for (Word w : words.subList(1, words.size())) {
      args.add(new Arg(w.value(), w.line(), w.column(), w.quoted()));
    }
    return new Directive(name.value(), args, children, name.line(), name.column(), st.line(), closeLine, source);
  }
}
