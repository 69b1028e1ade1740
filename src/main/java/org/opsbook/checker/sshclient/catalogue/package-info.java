/** What each ssh_config keyword accepts, per OpenSSH release, and the value readers it needs. */
package org.opsbook.checker.sshclient.catalogue;
