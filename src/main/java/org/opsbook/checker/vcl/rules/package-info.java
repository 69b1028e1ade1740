/** The VCL checker's rule catalogue and its lint rules over a compiled program. */
package org.opsbook.checker.vcl.rules;
