/** The HAProxy checker: HAProxy 2.6's configuration reader, its checks, lint rules and a request model. */
package org.opsbook.checker.haproxy;
