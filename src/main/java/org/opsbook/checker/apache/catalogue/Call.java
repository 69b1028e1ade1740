package org.opsbook.checker.apache.catalogue;

import java.util.List;
import org.opsbook.checker.apache.model.ConfWords;
import org.opsbook.checker.apache.model.Directive;
import org.opsbook.checker.apache.model.Position;
import org.opsbook.checker.apache.model.Problem;

/**
 * One directive being checked: its text, the walk's state, and where problems and the parsed
 * value go. A check reports at most one fatal problem, as httpd's handler returns at its first.
 */
final class Call {
  final Directive directive;
  final DirectiveSpec spec;
  final WalkState state;
  private final ConfigWalker walker;
  private boolean failed;
  private Object value;

  Call(Directive directive, DirectiveSpec spec, WalkState state, ConfigWalker walker) {
    this.directive = directive;
    this.spec = spec;
    this.state = state;
    this.walker = walker;
  }

  String args() {
    return directive.args();
  }

  List<ConfWords.Word> words() {
    return directive.words();
  }

  /** The canonical name, as httpd's messages spell it. */
  String name() {
    return spec.name();
  }

  Position at(int argOffset) {
    return directive.argAt(argOffset);
  }

  Position at(ConfWords.Word w) {
    return directive.argAt(w.start());
  }

  /** httpd refuses the directive: reported at the start of the directive. */
  void fail(Problem.Kind kind, String message, String hint) {
    fail(kind, directive.at(), message, hint);
  }

  void fail(Problem.Kind kind, Position at, String message, String hint) {
    if (!failed) {
      failed = true;
      walker.report(new Problem(kind, at, message, hint));
    }
  }

  /** httpd logs a warning at startup and goes on. */
  void warn(Position at, String message, String hint) {
    walker.report(new Problem(Problem.Kind.STARTUP_WARNING, at, message, hint));
  }

  boolean failed() {
    return failed;
  }

  void value(Object parsed) {
    this.value = parsed;
  }

  Object value() {
    return value;
  }

  /** The modules loaded, for checks that depend on them (authorization providers). */
  ModuleSet modules() {
    return walker.modules();
  }

  /** ap_check_cmd_context with other flags than the table's, for handlers that check conditionally. */
  java.util.Optional<String> context(int forbidden) {
    return walker.contextCheck(spec, forbidden);
  }

  /** The scope the directive is in, for checks that depend on its siblings. */
  ConfigWalker.ScopeBuilder scope() {
    return walker.current();
  }
}
