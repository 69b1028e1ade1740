/** What each ssh_config keyword accepts, per OpenSSH release, and how its arguments are validated. */
package org.opsbook.checker.sshclient.catalogue;
