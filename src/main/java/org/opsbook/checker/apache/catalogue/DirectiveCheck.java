package org.opsbook.checker.apache.catalogue;

/**
 * What one directive's handler in httpd checks beyond the argument count: the values it
 * refuses, in httpd's words, and the parsed form the request model needs. Implementations are
 * stateless.
 */
@FunctionalInterface
interface DirectiveCheck {
  void check(Call call);
}
