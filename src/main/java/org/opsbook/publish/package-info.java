/** Publishing: release folders and an atomically switched {@code current} link, here or over SSH. */
package org.opsbook.publish;
