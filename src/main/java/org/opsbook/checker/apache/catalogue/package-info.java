/**
 * What httpd knows about each directive (module, argument form, where it may appear) and the
 * checks its handlers make, applied by the walk over the directive tree that httpd's
 * {@code ap_walk_config} performs.
 */
package org.opsbook.checker.apache.catalogue;
