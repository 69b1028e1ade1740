/** Turns rendered HTML into one file that references nothing outside itself, and derives its Content-Security-Policy. */
package org.opsbook.maintenance.inline;
