/** The maintenance page model, read and validated from a Markdown file's front matter. */
package org.opsbook.maintenance.page;
