/** Stage 1, load: finds articles, pages and their files, and reads front matter. */
package org.opsbook.content;
