/**
 * The build as a whole: the stages in order (load, process, assemble, write), the records they
 * hand on, and the session that lets one build reuse another's work.
 */
package org.opsbook.site;
