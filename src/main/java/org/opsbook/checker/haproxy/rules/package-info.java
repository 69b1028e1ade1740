/** The HAProxy checker's rules: the catalogue of rule IDs and the lint rules that run over a read configuration. */
package org.opsbook.checker.haproxy.rules;
