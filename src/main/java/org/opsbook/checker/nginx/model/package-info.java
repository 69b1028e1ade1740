/** The parsed configuration: directives with their arguments, blocks and positions. */
package org.opsbook.checker.nginx.model;
