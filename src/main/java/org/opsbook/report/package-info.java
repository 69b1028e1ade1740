/** Reports: what a check or build found, written as text, JSON or a CI format. */
package org.opsbook.report;
