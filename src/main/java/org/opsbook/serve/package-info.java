/** The preview server: builds drafts, watches the sources, rebuilds and reloads the browser. */
package org.opsbook.serve;
