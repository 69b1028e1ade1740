/** The Postfix checker: regexp and pcre tables used as lookup maps and as header/body checks. */
package org.opsbook.checker.postfix;
