/** What nginx 1.22 as Debian 12 builds it knows: directives, contexts, argument counts, modules, variables. */
package org.opsbook.checker.nginx.catalogue;
