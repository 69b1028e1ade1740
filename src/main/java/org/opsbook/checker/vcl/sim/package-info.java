/** The request model: what a compiled VCL program does with one client request before any backend answers. */
package org.opsbook.checker.vcl.sim;
