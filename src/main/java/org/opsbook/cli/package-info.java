/** The command line: thin picocli commands over the build and the checkers. */
package org.opsbook.cli;
