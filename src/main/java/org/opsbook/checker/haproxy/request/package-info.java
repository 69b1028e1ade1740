/**
 * The executable model of an HTTP frontend: which ACLs a request matches, which rules fire in
 * order, and the backend or reply it gets. Questions and answers are documented in the README.
 */
package org.opsbook.checker.haproxy.request;
