/**
 * What {@code haproxy -c} checks, section by section, while it reads a configuration into proxies,
 * and the checks it runs once the whole file is read.
 */
package org.opsbook.checker.haproxy.validate;
