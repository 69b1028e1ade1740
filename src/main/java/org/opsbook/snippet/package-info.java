/**
 * Stage 2b, check: reads fence info strings, runs each snippet through its checker, applies
 * {@code expect=}, {@code ignore=} and {@code fragment}, and runs {@code test} blocks.
 */
package org.opsbook.snippet;
