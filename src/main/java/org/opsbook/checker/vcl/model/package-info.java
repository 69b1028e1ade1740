/** A compiled VCL program: declarations, subroutine bodies and typed expressions. */
package org.opsbook.checker.vcl.model;
