/**
 * The checker service-provider interface: what a snippet is, what a checker is asked and what it
 * answers. Built-in and third-party checkers register through {@link java.util.ServiceLoader}.
 */
package org.opsbook.check;
