/** nginx's configuration lexer and parser (the rules of ngx_conf_file.c), and the highlighter. */
package org.opsbook.checker.nginx.syntax;
