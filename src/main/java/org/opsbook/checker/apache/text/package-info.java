/** Pure readers of text httpd interprets the same way everywhere: PCRE patterns and IP networks. */
package org.opsbook.checker.apache.text;
