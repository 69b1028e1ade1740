package org.opsbook.theme;

import java.io.Writer;

/**
 * Where a template writes its page: a {@link StringBuilder}. {@link java.io.StringWriter} appends
 * to a {@link StringBuffer}, and {@link Writer}'s own methods take a lock: with no biased locking
 * since Java 15, each of a page's thousands of small writes paid for a lock it never needed. Used
 * by one thread.
 */
final class PageText extends Writer {
  private final StringBuilder text;

  PageText(int capacity) {
    this.text = new StringBuilder(capacity);
  }

  @Override
  public void write(int c) {
    text.append((char) c);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    text.append(chars, offset, length);
  }

  @Override
  public void write(char[] chars) {
    text.append(chars);
  }

  @Override
  public void write(String s) {
    text.append(s);
  }

  @Override
  public void write(String s, int offset, int length) {
    text.append(s, offset, offset + length);
  }

  @Override
  public Writer append(CharSequence s) {
    text.append(s);
    return this;
  }

  @Override
  public Writer append(CharSequence s, int start, int end) {
    text.append(s, start, end);
    return this;
  }

  @Override
  public Writer append(char c) {
    text.append(c);
    return this;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return text.toString();
  }
}
