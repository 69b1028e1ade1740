/** The checked configuration: directives with positions and the parsed values the request model reads. */
package org.opsbook.checker.apache.model;
