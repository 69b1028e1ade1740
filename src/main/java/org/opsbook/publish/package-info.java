/** Stage 5, write: the output tree that is swapped into place only when a build succeeds. */
package org.opsbook.publish;
