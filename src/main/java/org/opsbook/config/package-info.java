/** The site's settings: {@code opsbook.yaml} read and validated into a {@code SiteConfig}. */
package org.opsbook.config;
