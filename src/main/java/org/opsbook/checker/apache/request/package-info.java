/**
 * The executable model: a request in, the response httpd would give out (virtual host, mod_rewrite,
 * mod_alias, access control, the file or upstream that answers, and the headers set).
 */
package org.opsbook.checker.apache.request;
