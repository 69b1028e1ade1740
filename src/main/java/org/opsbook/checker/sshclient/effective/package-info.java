/** The executable model: the configuration ssh would use for one destination, as {@code ssh -G} prints it. */
package org.opsbook.checker.sshclient.effective;
