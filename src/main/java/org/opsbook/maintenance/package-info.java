/** Self-contained maintenance pages and the web-server configuration that serves them with an admin bypass. */
package org.opsbook.maintenance;
