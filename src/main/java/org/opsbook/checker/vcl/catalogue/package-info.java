/**
 * What Varnish 7.1 defines for VCL: types, built-in subroutines and their return actions, the
 * variables and where each may be used, the VMODs that ship with it, and its reason phrases.
 */
package org.opsbook.checker.vcl.catalogue;
