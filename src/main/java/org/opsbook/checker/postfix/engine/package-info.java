/** The executable model: regex translation to java.util.regex and table lookups as Postfix does them. */
package org.opsbook.checker.postfix.engine;
