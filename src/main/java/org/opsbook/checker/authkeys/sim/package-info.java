/** The executable model: whether a key line admits a connection and with which restrictions. */
package org.opsbook.checker.authkeys.sim;
