/** Stage 3, render: theme lookup, static assets with content-hashed names, and Pebble templates. */
package org.opsbook.theme;
