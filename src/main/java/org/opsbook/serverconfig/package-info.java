/** Web-server configuration for a published site: nginx and Apache virtual hosts. */
package org.opsbook.serverconfig;
