package org.opsbook.checker.postfix.engine;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;

/**
 * The functions of libpcre2-8 that Postfix's dict_pcre.c calls, plus those that read a pattern's
 * capture count and the library's version. {@code size_t} is mapped to {@link NativeLong}, which has
 * its width on the Unix systems this binding is loaded on (never on Windows).
 *
 * <p>They are bound by JNA's direct mapping: each call goes straight to a native method. Through an
 * interface proxy every call was resolved by reflection and its arguments converted one by one,
 * which cost more than compiling a short pattern. An instance is the proof that they are bound.
 */
final class Pcre2Library {
  private Pcre2Library() {}

  /**
   * Binds the native methods to the library of that name.
   *
   * @throws UnsatisfiedLinkError when there is no such library, or it lacks a function
   */
  static Pcre2Library bind(String name) {
    Native.register(Pcre2Library.class, NativeLibrary.getInstance(name));
    return new Pcre2Library();
  }

  // pcre2.h (10.42): compile options, as dict_pcre_get_pattern() toggles them.
  static final int CASELESS = 0x00000008;
  static final int DOLLAR_ENDONLY = 0x00000010;
  static final int DOTALL = 0x00000020;
  static final int EXTENDED = 0x00000080;
  static final int MULTILINE = 0x00000400;
  static final int UNGREEDY = 0x00040000;
  static final int ANCHORED = 0x80000000;

  static final int INFO_CAPTURECOUNT = 4;
  static final int CONFIG_MATCHLIMIT = 4;
  static final int CONFIG_VERSION = 11;

  static final int ERROR_NOMATCH = -1;
  static final int ERROR_HEAPLIMIT = -63;
  static final int ERROR_NOMEMORY = -48;

  static native Pointer pcre2_compile_8(byte[] pattern, NativeLong length, int options, IntByReference errorCode,
      NativeLongByReference errorOffset, Pointer compileContext);

  static native void pcre2_code_free_8(Pointer code);

  static native int pcre2_pattern_info_8(Pointer code, int what, Pointer where);

  static native Pointer pcre2_match_data_create_from_pattern_8(Pointer code, Pointer generalContext);

  static native void pcre2_match_data_free_8(Pointer matchData);

  static native int pcre2_match_8(Pointer code, byte[] subject, NativeLong length, NativeLong startOffset, int options,
      Pointer matchData, Pointer matchContext);

  static native Pointer pcre2_get_ovector_pointer_8(Pointer matchData);

  static native int pcre2_get_ovector_count_8(Pointer matchData);

  static native int pcre2_get_error_message_8(int errorCode, byte[] buffer, NativeLong length);

  static native int pcre2_config_8(int what, Pointer where);

  static native Pointer pcre2_match_context_create_8(Pointer generalContext);

  static native int pcre2_set_heap_limit_8(Pointer matchContext, int kibibytes);

  static native void pcre2_match_context_free_8(Pointer matchContext);
}
