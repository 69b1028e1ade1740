/** Generators of nginx, Apache httpd, Varnish and HAProxy configuration that serve a maintenance page with a bypass. */
package org.opsbook.maintenance.servers;
