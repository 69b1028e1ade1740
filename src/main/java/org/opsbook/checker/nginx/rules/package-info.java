/** The nginx checker's rule catalogue and its lint rules. */
package org.opsbook.checker.nginx.rules;
