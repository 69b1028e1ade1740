package org.opsbook.checker.iptables.model;

import java.util.List;

/**
 * One iptables invocation as parsed: what it does to which table and chain.
 *
 * @param kind the command option given ({@code -A}, {@code -P}, ...)
 * @param table the table, {@code filter} unless {@code -t} said otherwise
 * @param chain the chain argument, or {@code null} for commands on every chain
 * @param ruleNumber the 1-based rule number of {@code -I}, {@code -D}, {@code -R}, or 0
 * @param args the remaining command arguments: the policy of {@code -P}, the new name of {@code -E}
 * @param rule the rule specification for commands that take one, else {@code null}
 * @param at the command option word
 * @param chainWord the chain argument word, or the command word when there is none
 * @param argWords the words of {@code args}, for positions
 */
public record Command(
    Kind kind, String table, String chain, int ruleNumber, List<String> args, Rule rule, Word at, Word chainWord,
    List<Word> argWords) {

  public Command {
    args = List.copyOf(args);
    argWords = List.copyOf(argWords);
  }

  /** The iptables commands, by the short option that selects them. */
  public enum Kind {
    APPEND('A'), INSERT('I'), DELETE('D'), REPLACE('R'), CHECK('C'), POLICY('P'), NEW_CHAIN('N'),
    DELETE_CHAIN('X'), RENAME_CHAIN('E'), FLUSH('F'), ZERO('Z'), LIST('L'), LIST_RULES('S');

    private final char letter;

    Kind(char letter) {
      this.letter = letter;
    }

    public char letter() {
      return letter;
    }

    /** Whether the command takes a rule specification (matches and a target). */
    public boolean takesRule() {
      return this == APPEND || this == INSERT || this == DELETE || this == REPLACE || this == CHECK;
    }
  }
}
