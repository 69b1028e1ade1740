/** Immutable records for parsed authorized_keys lines and the file they make up. */
package org.opsbook.checker.authkeys.model;
