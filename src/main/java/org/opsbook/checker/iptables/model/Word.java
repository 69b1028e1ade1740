package org.opsbook.checker.iptables.model;

import java.util.Objects;

/**
 * One shell word after quote removal, with where it starts in the snippet.
 *
 * @param text the word as the program receives it
 * @param line 1-based snippet line of the word's first character
 * @param column 1-based column of the word's first character
 * @param variable whether the word contains a shell expansion ({@code $EXT_IF}), so its real value
 *     is unknown
 * @param quoted whether any part of the word was quoted or escaped, so a lone {@code !} is literal
 *     to the shell but still reaches iptables as {@code !}
 */
public record Word(String text, int line, int column, boolean variable, boolean quoted) {
  public Word {
    Objects.requireNonNull(text, "text");
  }

  public boolean is(String other) {
    return text.equals(other);
  }

  public boolean looksLikeOption() {
    return text.length() > 1 && text.charAt(0) == '-';
  }
}
