/** The nginx checker: reads nginx configuration as nginx 1.22 does, lints it, and answers which block serves a request. */
package org.opsbook.checker.nginx;
