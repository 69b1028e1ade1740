/** The build as a whole: configuration, the stages in order, and what a build produced. */
package org.opsbook.site;
