/** Immutable records for parsed authorized_keys lines and the findings about them. */
package org.opsbook.checker.authkeys.model;
