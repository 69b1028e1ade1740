/** Immutable records for a parsed Postfix regexp/pcre table and its rules. */
package org.opsbook.checker.postfix.model;
