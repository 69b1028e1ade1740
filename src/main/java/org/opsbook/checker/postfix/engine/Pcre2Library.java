package org.opsbook.checker.postfix.engine;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;

/**
 * The functions of libpcre2-8 that Postfix's dict_pcre.c calls, plus those that read a pattern's
 * capture count and the library's version. {@code size_t} is mapped to {@link NativeLong}, which has
 * its width on the Unix systems this binding is loaded on (never on Windows).
 */
interface Pcre2Library extends Library {
  // pcre2.h (10.42): compile options, as dict_pcre_get_pattern() toggles them.
  int CASELESS = 0x00000008;
  int DOLLAR_ENDONLY = 0x00000010;
  int DOTALL = 0x00000020;
  int EXTENDED = 0x00000080;
  int MULTILINE = 0x00000400;
  int UNGREEDY = 0x00040000;
  int ANCHORED = 0x80000000;

  int INFO_CAPTURECOUNT = 4;
  int CONFIG_MATCHLIMIT = 4;
  int CONFIG_VERSION = 11;

  int ERROR_NOMATCH = -1;
  int ERROR_HEAPLIMIT = -63;
  int ERROR_NOMEMORY = -48;

  Pointer pcre2_compile_8(byte[] pattern, NativeLong length, int options, IntByReference errorCode,
      NativeLongByReference errorOffset, Pointer compileContext);

  void pcre2_code_free_8(Pointer code);

  int pcre2_pattern_info_8(Pointer code, int what, Pointer where);

  Pointer pcre2_match_data_create_from_pattern_8(Pointer code, Pointer generalContext);

  void pcre2_match_data_free_8(Pointer matchData);

  int pcre2_match_8(Pointer code, byte[] subject, NativeLong length, NativeLong startOffset, int options,
      Pointer matchData, Pointer matchContext);

  Pointer pcre2_get_ovector_pointer_8(Pointer matchData);

  int pcre2_get_ovector_count_8(Pointer matchData);

  int pcre2_get_error_message_8(int errorCode, byte[] buffer, NativeLong length);

  int pcre2_config_8(int what, Pointer where);

  Pointer pcre2_match_context_create_8(Pointer generalContext);

  int pcre2_set_heap_limit_8(Pointer matchContext, int kibibytes);

  void pcre2_match_context_free_8(Pointer matchContext);
}
