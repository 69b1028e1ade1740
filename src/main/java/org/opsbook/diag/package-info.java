/** Findings: immutable diagnostics, their positions, rule identifiers and severities. */
package org.opsbook.diag;
