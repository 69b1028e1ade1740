package org.opsbook.checker.postfix.engine;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The POSIX regex functions of the GNU C library that Postfix's dict_regexp.c calls, and the
 * per-thread locale functions that let them run in the C locale postmap runs them in (the JVM sets
 * the process locale from the environment at start-up).
 */
interface GlibcRegexLibrary extends Library {
  // regex.h (glibc 2.36)
  int REG_EXTENDED = 1;
  int REG_ICASE = 2;
  int REG_NEWLINE = 4;
  int REG_NOSUB = 8;
  int REG_NOMATCH = 1;
  /** locale.h: every category but LC_ALL itself (categories 0-12, LC_ALL is 6). */
  int LC_ALL_MASK = 0x1FBF;

  int regcomp(Pointer preg, byte[] pattern, int cflags);

  int regexec(Pointer preg, byte[] string, NativeLong nmatch, Pointer pmatch, int eflags);

  NativeLong regerror(int errcode, Pointer preg, byte[] buffer, NativeLong size);

  void regfree(Pointer preg);

  Pointer newlocale(int categoryMask, String locale, Pointer base);

  Pointer uselocale(Pointer locale);

  String gnu_get_libc_version();
}
