package org.opsbook.maintenance.servers;

/** A generator of one server's configuration for a maintenance page. Implementations are stateless. */
public interface ServerConfig {
  /** The output file name, such as {@code nginx.conf}. */
  String fileName();

  /** The fence language of the generated text, as an article would label it: {@code nginx}. */
  String language();

  /** The configuration text, ending with a newline. */
  String generate(ServedPage page);
}
