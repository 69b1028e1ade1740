package org.opsbook.checker.postfix.engine;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;

/**
 * {@link Pcre2Library} bound by JNA's direct mapping: each call goes straight to a native method.
 * Through an interface proxy, every call was resolved by reflection and its arguments converted
 * one by one, which cost more than compiling a short pattern: a large build spent more time there
 * than in PCRE2.
 */
final class Pcre2Natives implements Pcre2Library {
  private Pcre2Natives() {}

  /**
   * Binds the native methods to the library of that name.
   *
   * @throws UnsatisfiedLinkError when there is no such library, or it lacks a function
   */
  static Pcre2Library bind(String name) {
    Native.register(Natives.class, NativeLibrary.getInstance(name));
    return new Pcre2Natives();
  }

  /** The functions, named as in the library. */
  private static final class Natives {
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

  @Override
  public Pointer pcre2_compile_8(byte[] pattern, NativeLong length, int options, IntByReference errorCode,
      NativeLongByReference errorOffset, Pointer compileContext) {
    return Natives.pcre2_compile_8(pattern, length, options, errorCode, errorOffset, compileContext);
  }

  @Override
  public void pcre2_code_free_8(Pointer code) {
    Natives.pcre2_code_free_8(code);
  }

  @Override
  public int pcre2_pattern_info_8(Pointer code, int what, Pointer where) {
    return Natives.pcre2_pattern_info_8(code, what, where);
  }

  @Override
  public Pointer pcre2_match_data_create_from_pattern_8(Pointer code, Pointer generalContext) {
    return Natives.pcre2_match_data_create_from_pattern_8(code, generalContext);
  }

  @Override
  public void pcre2_match_data_free_8(Pointer matchData) {
    Natives.pcre2_match_data_free_8(matchData);
  }

  @Override
  public int pcre2_match_8(Pointer code, byte[] subject, NativeLong length, NativeLong startOffset, int options,
      Pointer matchData, Pointer matchContext) {
    return Natives.pcre2_match_8(code, subject, length, startOffset, options, matchData, matchContext);
  }

  @Override
  public Pointer pcre2_get_ovector_pointer_8(Pointer matchData) {
    return Natives.pcre2_get_ovector_pointer_8(matchData);
  }

  @Override
  public int pcre2_get_ovector_count_8(Pointer matchData) {
    return Natives.pcre2_get_ovector_count_8(matchData);
  }

  @Override
  public int pcre2_get_error_message_8(int errorCode, byte[] buffer, NativeLong length) {
    return Natives.pcre2_get_error_message_8(errorCode, buffer, length);
  }

  @Override
  public int pcre2_config_8(int what, Pointer where) {
    return Natives.pcre2_config_8(what, where);
  }

  @Override
  public Pointer pcre2_match_context_create_8(Pointer generalContext) {
    return Natives.pcre2_match_context_create_8(generalContext);
  }

  @Override
  public int pcre2_set_heap_limit_8(Pointer matchContext, int kibibytes) {
    return Natives.pcre2_set_heap_limit_8(matchContext, kibibytes);
  }

  @Override
  public void pcre2_match_context_free_8(Pointer matchContext) {
    Natives.pcre2_match_context_free_8(matchContext);
  }
}
