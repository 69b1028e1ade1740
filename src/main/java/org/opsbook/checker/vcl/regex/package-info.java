/**
 * VCL regular expressions: PCRE2's syntax in 8-bit mode as Varnish 7.1 compiles it, checked and
 * translated to java.util.regex, with a step budget for matching.
 */
package org.opsbook.checker.vcl.regex;
