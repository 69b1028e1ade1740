package org.opsbook.checker.apache.expr;

import java.util.List;
import java.util.regex.Pattern;
import org.opsbook.checker.apache.text.IpAddresses;

/** A parsed boolean ap_expr (the {@code expr} rule of util_expr_parse.y). */
public sealed interface Expr {
  record True() implements Expr {}

  record False() implements Expr {}

  record Not(Expr inner) implements Expr {}

  record And(Expr left, Expr right) implements Expr {}

  record Or(Expr left, Expr right) implements Expr {}

  /** {@code ==}, {@code !=}, {@code <}... on strings, {@code -eq}, {@code -lt}... on integers. */
  record Compare(String op, Word left, Word right) implements Expr {}

  record In(Word word, WordList list) implements Expr {}

  /** {@code =~} (or {@code !~} when negated); {@code pattern} is null when opsbook cannot run it. */
  record Match(Word word, String regex, boolean ignoreCase, boolean negated, Pattern pattern) implements Expr {}

  /** {@code -f word}, {@code -R 'subnet'}...; {@code network} is the parsed subnet of {@code -R}. */
  record Unary(String op, Word word, IpAddresses.Network network) implements Expr {}

  /** {@code a -ipmatch b}, {@code -strmatch}, {@code -strcmatch}, {@code -fnmatch}. */
  record Binary(String op, Word left, Word right, IpAddresses.Network network) implements Expr {}

  /** A string-valued part of an expression. */
  sealed interface Word {}

  record Literal(String text) implements Word {}

  record Digits(String text) implements Word {}

  record Concat(Word left, Word right) implements Word {}

  /** {@code %{NAME}}. */
  record Var(String name) implements Word {}

  /** {@code %{func:arg}} or {@code func(arg)}. */
  record Call(String function, Word arg) implements Word {}

  /** {@code $0} to {@code $9}: a group of the last regex match. */
  record Backref(int number) implements Word {}

  /** A list: {@code { a, b }} or a list function's result. */
  sealed interface WordList {}

  record Words(List<Word> words) implements WordList {
    public Words {
      words = List.copyOf(words);
    }
  }

  record ListCall(String function, Word arg) implements WordList {}
}
