/** Immutable records for a parsed Postfix regexp/pcre table, its rules and findings. */
package org.opsbook.checker.postfix.model;
