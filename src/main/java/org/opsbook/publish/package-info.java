/**
 * Stage 5, write: the output tree that is swapped into place only when a build succeeds, and
 * publishing it as release folders with an atomically switched {@code current} link, here or over SSH.
 */
package org.opsbook.publish;
