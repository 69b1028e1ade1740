package org.opsbook.checker.apache.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opsbook.checker.apache.model.Directive;
import org.opsbook.checker.apache.model.HttpdConfig;
import org.opsbook.checker.apache.model.Problem;
import org.opsbook.checker.apache.model.Scope;
import org.opsbook.checker.apache.model.VirtualHostAddress;

/**
 * httpd's walk over the directive tree (config.c, ap_walk_config and invoke_cmd): each
 * directive is looked up among the loaded modules, checked against the override classes of
 * where it stands, its argument form and its handler's own checks; sections set up the context
 * of their children as core.c, mod_proxy and mod_authz_core do. Unlike httpd, the walk goes on
 * after a refused directive, so one run reports every independent problem; a section whose own
 * line is refused is not entered, as httpd never gets to its children. One instance per walk.
 */
public final class ConfigWalker {
  private final ModuleSet modules;
  private final List<Problem> problems = new ArrayList<>();
  private final WalkState state;
  private ScopeBuilder current;

  /** A scope being filled. */
  static final class ScopeBuilder {
    final Scope.Kind kind;
    final Directive section;
    final String argument;
    final Object value;
    final List<Scope.Entry> entries = new ArrayList<>();
    final List<ScopeBuilder> children = new ArrayList<>();
    /** The kind of the last {@code <If>}-family section in this scope, for {@code <Else>}'s check. */
    Scope.Kind lastConditional;
    /** RewriteConds read since the last RewriteRule (mod_rewrite keeps them per server or directory). */
    final List<org.opsbook.checker.apache.model.RewriteCond> pendingConditions = new ArrayList<>();
    /** mod_authz_core's current section: null until a Require, then ANY (the default) or as nested. */
    AuthzSection authz;

    ScopeBuilder(Scope.Kind kind, Directive section, String argument, Object value) {
      this.kind = kind;
      this.section = section;
      this.argument = argument;
      this.value = value;
    }

    Scope build() {
      return new Scope(kind, section, argument, entries, children.stream().map(ScopeBuilder::build).toList(), value);
    }
  }

  /** The logic of a Require container (mod_authz_core, authz_section_conf). */
  record AuthzSection(boolean and, boolean negate) {
    static final AuthzSection DEFAULT = new AuthzSection(false, false);

    String describe() {
      return "<Require" + (and ? (negate ? "NotAll" : "All") : (negate ? "None" : "Any")) + ">";
    }
  }

  /** The outcome of a walk. */
  public record Result(HttpdConfig config, List<Problem> problems) {}

  private ConfigWalker(ModuleSet modules, WalkState state) {
    this.modules = modules;
    this.state = state;
  }

  /**
   * Walks a tree as the given wrapping places it.
   *
   * @param htaccessOverride for {@link HttpdConfig.Wrapping#HTACCESS}, the AllowOverride classes
   */
  public static Result walk(List<Directive> tree, ModuleSet modules, HttpdConfig.Wrapping wrapping,
      int htaccessOverride, boolean unchecked) {
    boolean htaccess = wrapping == HttpdConfig.Wrapping.HTACCESS;
    WalkState state = new WalkState(Overrides.SERVER, htaccess);
    ConfigWalker w = new ConfigWalker(modules, state);
    ScopeBuilder server = new ScopeBuilder(Scope.Kind.SERVER, null, "", null);
    w.current = server;
    switch (wrapping) {
      case VIRTUAL_HOST -> {
        ScopeBuilder vhost = new ScopeBuilder(Scope.Kind.VIRTUAL_HOST, null, "*:80",
            List.of(VirtualHostAddress.parse("*:80").orElseThrow()));
        server.children.add(vhost);
        w.current = vhost;
        state.virtualHost = true;
        state.parents.push("<VirtualHost");
      }
      case DIRECTORY, HTACCESS -> {
        ScopeBuilder dir = new ScopeBuilder(htaccess ? Scope.Kind.HTACCESS : Scope.Kind.DIRECTORY, null,
            "/var/www/html/", null);
        server.children.add(dir);
        w.current = dir;
        state.path = "/var/www/html/";
        state.override = htaccess ? htaccessOverride : Overrides.DIRECTORY;
        if (!htaccess) {
          state.parents.push("<Directory");
        }
      }
      default -> {
        // A sites-enabled file is read at server level.
      }
    }
    w.walkAll(tree);
    return new Result(new HttpdConfig(server.build(), modules.names(), wrapping, unchecked), List.copyOf(w.problems));
  }

  void report(Problem p) {
    problems.add(p);
  }

  ModuleSet modules() {
    return modules;
  }

  ScopeBuilder current() {
    return current;
  }

  void walkAll(List<Directive> directives) {
    for (Directive d : directives) {
      walkOne(d);
    }
  }

  private void walkOne(Directive d) {
    Optional<DirectiveSpec> found = DirectiveCatalogue.lookup(d.name(), modules);
    if (found.isEmpty()) {
      report(new Problem(Problem.Kind.UNKNOWN_DIRECTIVE, d.at(), "Invalid command '" + d.name()
          + "', perhaps misspelled or defined by a module not included in the server configuration",
          UnknownDirectiveHint.hint(d.name(), modules)));
      return;
    }
    DirectiveSpec spec = found.get();
    if (spec.executesOnRead()) {
      return;
    }
    Call call = new Call(d, spec, state, this);
    if ((state.override & spec.override()) == 0) {
      String parent = state.parent();
      call.fail(Problem.Kind.CONTEXT, parent == null ? spec.name() + " not allowed here"
          : spec.name() + " not allowed in " + parent + "> context", ContextHint.hint(spec, state));
      return;
    }
    Optional<String> form = ArgForms.check(spec, d.args());
    if (form.isPresent()) {
      call.fail(Problem.Kind.ARGUMENTS, form.get(), null);
      return;
    }
    Optional<String> context = contextCheck(spec, spec.forbidden());
    if (context.isPresent()) {
      call.fail(Problem.Kind.CONTEXT, context.get(), ContextHint.hint(spec, state));
      return;
    }
    if (spec.isSection()) {
      Sections.walk(call, this);
      return;
    }
    DirectiveChecks.forName(spec.name()).ifPresent(check -> check.check(call));
    if (!call.failed()) {
      current.entries.add(new Scope.Entry(d, spec.module(), call.value()));
    }
  }

  /** ap_check_cmd_context in core.c, with its messages. */
  Optional<String> contextCheck(DirectiveSpec spec, int forbidden) {
    String name = spec.name() + (spec.isSection() ? ">" : "");
    if ((forbidden & Forbidden.NOT_IN_VIRTUALHOST) != 0 && state.virtualHost) {
      return Optional.of(name + " cannot occur within <VirtualHost> section");
    }
    if ((forbidden & Forbidden.NOT_IN_LIMIT) != 0 && state.limited != WalkState.NOT_LIMITED) {
      return Optional.of(name + " cannot occur within <Limit> or <LimitExcept> section");
    }
    if ((forbidden & Forbidden.NOT_IN_HTACCESS) != 0 && state.htaccess) {
      return Optional.of(name + " cannot occur within htaccess files");
    }
    if ((forbidden & Forbidden.NOT_IN_DIR_LOC_FILE) == Forbidden.NOT_IN_DIR_LOC_FILE && state.path != null) {
      return Optional.of(name + " cannot occur within directory context");
    }
    String found = null;
    if ((forbidden & Forbidden.NOT_IN_DIRECTORY) != 0) {
      found = state.findParent("<Directory", "<DirectoryMatch");
    }
    if (found == null && (forbidden & Forbidden.NOT_IN_LOCATION) != 0) {
      found = state.findParent("<Location", "<LocationMatch");
    }
    if (found == null && (forbidden & Forbidden.NOT_IN_FILES) != 0) {
      found = state.findParent("<Files", "<FilesMatch", "<If", "<ElseIf", "<Else");
    }
    if (found == null && (forbidden & Forbidden.NOT_IN_PROXY) != 0) {
      found = state.findParent("<Proxy", "<ProxyMatch");
    }
    return found == null ? Optional.empty() : Optional.of(name + " cannot occur within " + found + "> section");
  }

  /** Walks a section's children in a new scope; the state is restored afterwards by the caller. */
  ScopeBuilder enter(Scope.Kind kind, Directive section, String argument, Object value) {
    ScopeBuilder child = new ScopeBuilder(kind, section, argument, value);
    ScopeBuilder outer = current;
    current = child;
    state.parents.push(section.name());
    if (kind == Scope.Kind.VIRTUAL_HOST) {
      state.enterServer();
    }
    try {
      walkAll(section.children());
    } finally {
      if (kind == Scope.Kind.VIRTUAL_HOST) {
        state.leaveServer();
      }
      state.parents.pop();
      current = outer;
    }
    return child;
  }

  /** Walks a section's children into a scope made by the caller (Require containers). */
  ScopeBuilder enterPrepared(ScopeBuilder child) {
    ScopeBuilder outer = current;
    current = child;
    state.parents.push(child.section.name());
    try {
      walkAll(child.section.children());
    } finally {
      state.parents.pop();
      current = outer;
    }
    return child;
  }

  /** Walks children into the current scope (sections that keep their parent's configuration). */
  void walkInPlace(Directive section) {
    state.parents.push(section.name());
    try {
      walkAll(section.children());
    } finally {
      state.parents.pop();
    }
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
