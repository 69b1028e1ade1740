/** HAProxy's line reader (the rules of cfgparse.c and tools.c parse_line), conditional blocks and the highlighter. */
package org.opsbook.checker.haproxy.syntax;
