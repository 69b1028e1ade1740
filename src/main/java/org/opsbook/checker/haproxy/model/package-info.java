/** HAProxy configuration as the checker sees it: words, lines, sections, proxies and their rules. */
package org.opsbook.checker.haproxy.model;
