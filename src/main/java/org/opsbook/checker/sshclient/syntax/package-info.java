/** Reads ssh_config with the lexical rules of ssh's readconf.c and validates each directive against the catalogue. */
package org.opsbook.checker.sshclient.syntax;
