/**
 * The executable model: table lookups as Postfix does them, with the regex libraries Postfix calls
 * (libpcre2-8, glibc) or, where they are missing, a translation to java.util.regex.
 */
package org.opsbook.checker.postfix.engine;
