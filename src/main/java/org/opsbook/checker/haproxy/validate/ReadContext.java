package org.opsbook.checker.haproxy.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.opsbook.checker.haproxy.model.Line;

/**
 * What reading one configuration shares across sections: the report, the file lookup, the global
 * buffer settings, the names of the non-proxy sections, and the references to check once
 * everything is read. One instance per check; not thread-safe.
 */
final class ReadContext {
  final Report report;
  final FileLookup files;
  int bufsize = org.opsbook.checker.haproxy.model.ReplyBuffer.DEFAULT_BUFSIZE;
  int maxrewrite = org.opsbook.checker.haproxy.model.ReplyBuffer.DEFAULT_MAXREWRITE;
  boolean experimental;
  boolean masterWorker;
  String sslServerVerify = "required";
  final Set<String> httpErrors = new TreeSet<>();
  final Set<String> userlists = new TreeSet<>();
  final Set<String> caches = new TreeSet<>();
  final Set<String> resolvers = new TreeSet<>();
  final Set<String> peers = new TreeSet<>();
  final Set<String> mailers = new TreeSet<>();
  final Set<String> rings = new TreeSet<>();
  final List<Reference> references = new ArrayList<>();
  /** Reply files and errorfiles, checked against the buffer once tune.bufsize is known. */
  final List<Payload> payloads = new ArrayList<>();

  ReadContext(Report report, FileLookup files) {
    this.report = report;
    this.files = files;
  }

  /** A name in a non-proxy section that must exist once everything is read. */
  record Reference(String kind, String name, Line line, int word, String message) {}

  /**
   * A file whose size matters: an errorfile (whole raw response) or a reply's body.
   *
   * @param errorfile whether the file is a whole raw response rather than a body
   */
  record Payload(Line line, int word, String path, boolean errorfile, String keyword) {}

  void refer(String kind, String name, Line line, int word, String message) {
    references.add(new Reference(kind, name, line, word, message));
  }
}
