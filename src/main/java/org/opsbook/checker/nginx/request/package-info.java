/** The executable model: which server and location serve a request, and what they answer. */
package org.opsbook.checker.nginx.request;
