/**
 * Network facts that several checkers need and that come from the host's own tables rather than
 * from one daemon: service names and their ports (/etc/services), IP protocol names and numbers
 * (/etc/protocols), as Debian's netbase package ships them.
 */
package org.opsbook.checker.net;
