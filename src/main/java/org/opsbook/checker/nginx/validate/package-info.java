/** What {@code nginx -t} refuses: contexts, arguments, values, listen, locations, variables, includes. */
package org.opsbook.checker.nginx.validate;
