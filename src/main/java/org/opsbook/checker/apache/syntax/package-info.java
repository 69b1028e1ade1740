/**
 * Text to directive tree, as httpd's build phase does it: logical lines (backslash continuation,
 * trimming, {@code #} comments), {@code ${VAR}} expansion, words, sections, and the directives
 * executed while reading ({@code Define}, {@code Include}, {@code <IfModule>}, {@code <IfDefine>}).
 */
package org.opsbook.checker.apache.syntax;
