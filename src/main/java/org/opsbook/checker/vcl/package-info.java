/** The Varnish VCL checker: VCL 4.0 and 4.1 as Varnish 7.1's compiler reads them, and a request model. */
package org.opsbook.checker.vcl;
