/** Renders a maintenance page through the theme's {@code maintenance} Pebble template. */
package org.opsbook.maintenance.render;
