package org.opsbook.checker.apache.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsbook.checker.apache.expr.ExprParser;
import org.opsbook.checker.apache.model.ConfWords;
import org.opsbook.checker.apache.model.Directive;
import org.opsbook.checker.apache.text.Pcre;
import org.opsbook.checker.apache.model.Problem;
import org.opsbook.checker.apache.model.Scope;
import org.opsbook.checker.apache.model.VirtualHostAddress;

/**
 * The section handlers: core.c's dirsection, urlsection, filesection, ifsection,
 * virtualhost_section and ap_limit_section, mod_proxy's proxysection and mod_authz_core's
 * add_authz_section. Each checks its own line, sets up the context of its children, walks them,
 * and restores the context.
 */
final class Sections {
  private Sections() {}

  static void walk(Call call, ConfigWalker walker) {
    WalkState.Saved saved = call.state.save();
    try {
      switch (call.name().toLowerCase(Locale.ROOT)) {
        case "<directory", "<directorymatch" -> path(call, walker, true);
        case "<location", "<locationmatch" -> path(call, walker, false);
        case "<files", "<filesmatch" -> files(call, walker);
        case "<if", "<elseif", "<else" -> conditional(call, walker);
        case "<virtualhost" -> virtualHost(call, walker);
        case "<limit", "<limitexcept" -> limit(call, walker);
        case "<proxy", "<proxymatch" -> proxy(call, walker);
        case "<requireall", "<requireany", "<requirenone" -> Authz.section(call, walker);
        default -> other(call, walker);
      }
    } finally {
      call.state.restore(saved);
    }
  }

  /** The argument text before the last '>', or null after reporting the missing '>'. */
  static String inner(Call call) {
    String args = call.args();
    int gt = args.lastIndexOf('>');
    if (gt < 0) {
      call.fail(Problem.Kind.SECTION, call.name() + "> directive missing closing '>'", "end the line with >");
      return null;
    }
    return args.substring(0, gt);
  }

  private static String required(Call call) {
    String arg = inner(call);
    if (arg != null && arg.isEmpty()) {
      call.fail(Problem.Kind.SECTION, call.name() + "> directive requires additional arguments", null);
      return null;
    }
    return arg;
  }

  /** dirsection and urlsection. */
  private static void path(Call call, ConfigWalker walker, boolean directory) {
    String arg = required(call);
    if (arg == null) {
      return;
    }
    Pattern pattern = pattern(call, arg);
    if (pattern == null) {
      return;
    }
    boolean regex = pattern.regex() != null;
    Object value = pattern.regex();
    int rest = pattern.rest();
    String path = !regex && directory && !pattern.text().equals("/") ? canonicalDirectory(pattern.text()) : pattern.text();
    call.state.override = Overrides.DIRECTORY;
    call.state.path = path;
    Scope.Kind kind = directory ? (regex ? Scope.Kind.DIRECTORY_MATCH : Scope.Kind.DIRECTORY)
        : (regex ? Scope.Kind.LOCATION_MATCH : Scope.Kind.LOCATION);
    add(walker, walker.enter(kind, call.directive, path, value));
    if (ConfWords.skipSpace(arg, rest) < arg.length()) {
      call.fail(Problem.Kind.SECTION, "Multiple " + call.name() + "> arguments not (yet) supported.",
          "one section per path; use a " + call.name() + "Match> pattern for several");
    }
  }

  /**
   * A section's path or pattern: the *Match forms and a leading {@code ~} make it a regex, which
   * must compile; {@code rest} is where the arguments after it start.
   */
  private record Pattern(String text, Pcre.Result regex, int rest) {}

  /** The section's pattern, or null after reporting a regex that does not compile. */
  private static Pattern pattern(Call call, String arg) {
    boolean match = call.name().endsWith("Match");
    ConfWords.Word first = ConfWords.next(arg, 0);
    String text = first.value();
    int rest = first.end();
    boolean regex = match;
    if (!match && text.equals("~")) {
      ConfWords.Word re = ConfWords.next(arg, rest);
      text = re.value();
      rest = re.end();
      regex = true;
    }
    if (!regex) {
      return new Pattern(text, null, rest);
    }
    Pcre.Result r = Pcre.compile(text, false);
    if (!r.isValid()) {
      call.fail(Problem.Kind.SECTION, call.at(first), "Regex could not be compiled", "PCRE says: " + r.error());
      return null;
    }
    return new Pattern(text, r, rest);
  }

  /** core.c appends '/' to a directory path and removes "." and ".." segments (apr_filepath_merge). */
  static String canonicalDirectory(String path) {
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/+")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(p);
    }
    String joined = "/" + String.join("/", parts);
    return joined.endsWith("/") ? joined : joined + "/";
  }

  private static void files(Call call, ConfigWalker walker) {
    String arg = required(call);
    if (arg == null) {
      return;
    }
    Pattern pattern = pattern(call, arg);
    if (pattern == null) {
      return;
    }
    boolean regex = pattern.regex() != null;
    Object value = pattern.regex();
    int rest = pattern.rest();
    String path = pattern.text();
    if (call.state.path == null) {
      call.state.override = Overrides.DIRECTORY;
    }
    call.state.path = path;
    add(walker, walker.enter(regex ? Scope.Kind.FILES_MATCH : Scope.Kind.FILES, call.directive, path, value));
    if (ConfWords.skipSpace(arg, rest) < arg.length()) {
      call.fail(Problem.Kind.SECTION, "Multiple " + call.name() + "> arguments not (yet) supported.", null);
    }
  }

  private static void conditional(Call call, ConfigWalker walker) {
    String arg = inner(call);
    if (arg == null) {
      return;
    }
    String name = call.name();
    Scope.Kind kind = name.equalsIgnoreCase("<If") ? Scope.Kind.IF
        : name.equalsIgnoreCase("<ElseIf") ? Scope.Kind.ELSE_IF : Scope.Kind.ELSE;
    Object value = null;
    int rest = 0;
    if (kind == Scope.Kind.ELSE) {
      if (!arg.isEmpty()) {
        call.fail(Problem.Kind.SECTION, "<Else> does not take an argument", "write the condition in <ElseIf \"...\">");
        return;
      }
    } else {
      if (arg.isEmpty()) {
        call.fail(Problem.Kind.SECTION, name + "> directive requires additional arguments", null);
        return;
      }
      ConfWords.Word cond = ConfWords.next(arg, 0);
      rest = cond.end();
      ExprParser.Result parsed = ExprParser.parse(cond.value(), exprOptions(call));
      if (!parsed.ok()) {
        call.fail(Problem.Kind.EXPRESSION, call.at(cond), "Cannot parse condition clause: " + parsed.error(),
            "see httpd's expression syntax: %{VAR}, quoted strings, ==, =~ /regex/, -ipmatch, &&, ||, !");
        return;
      }
      value = parsed.expr();
    }
    if (call.state.path == null) {
      call.state.override = Overrides.DIRECTORY;
    }
    call.state.path = "*If";
    ConfigWalker.ScopeBuilder outer = walker.current();
    Scope.Kind previous = outer.lastConditional;
    ConfigWalker.ScopeBuilder scope = walker.enter(kind, call.directive, arg, value);
    if (call.failed()) {
      return;
    }
    if (kind != Scope.Kind.IF && previous != Scope.Kind.IF && previous != Scope.Kind.ELSE_IF) {
      call.fail(Problem.Kind.SECTION, "<Else> or <ElseIf> section without previous <If> or <ElseIf> section in same scope",
          "put it right after the <If> or <ElseIf> it continues, in the same section");
      return;
    }
    outer.lastConditional = kind;
    add(walker, scope);
    if (ConfWords.skipSpace(arg, rest) < arg.length()) {
      call.fail(Problem.Kind.SECTION, "Multiple " + name + "> arguments not supported.", "quote the whole condition");
    }
  }

  static ExprParser.Options exprOptions(Call call) {
    return new ExprParser.Options(call.modules().has("ssl"), call.modules().has("ldap"), call.state.htaccess);
  }

  private static void virtualHost(Call call, ConfigWalker walker) {
    String arg = required(call);
    if (arg == null) {
      return;
    }
    List<VirtualHostAddress> addresses = new ArrayList<>();
    for (ConfWords.Word w : ConfWords.split(arg)) {
      var problem = VirtualHostAddress.problem(w.value());
      if (problem.isPresent()) {
        call.fail(Problem.Kind.ARGUMENTS, call.at(w), problem.get(), "write *:80, 192.0.2.1:443, [2001:db8::1]:80 or _default_:443");
        return;
      }
      VirtualHostAddress.parse(w.value()).ifPresent(addresses::add);
    }
    call.state.virtualHost = true;
    add(walker, walker.enter(Scope.Kind.VIRTUAL_HOST, call.directive, arg, List.copyOf(addresses)));
  }

  private static final List<String> METHODS = List.of("GET", "PUT", "POST", "DELETE", "CONNECT", "OPTIONS", "TRACE",
      "PATCH", "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "VERSION-CONTROL", "CHECKOUT",
      "UNCHECKOUT", "CHECKIN", "UPDATE", "LABEL", "REPORT", "MKWORKSPACE", "MKACTIVITY", "BASELINE-CONTROL", "MERGE");

  /** ap_limit_section: method bits; registered methods take the bits after the built-in ones. */
  private static void limit(Call call, ConfigWalker walker) {
    String arg = required(call);
    if (arg == null) {
      return;
    }
    boolean except = call.name().equalsIgnoreCase("<LimitExcept");
    long limited = 0;
    List<String> extra = new ArrayList<>();
    for (ConfWords.Word w : ConfWords.split(arg)) {
      String m = w.value();
      int n = m.equals("HEAD") ? 0 : METHODS.indexOf(m);
      if (n == 6 && !except) {
        call.fail(Problem.Kind.SECTION, call.at(w), "TRACE cannot be controlled by <Limit>, see TraceEnable",
            "TraceEnable off switches TRACE off");
        return;
      }
      if (n < 0) {
        if (call.state.htaccess) {
          call.fail(Problem.Kind.SECTION, call.at(w), "Could not register method '" + m + "' for " + call.name()
              + " from .htaccess configuration", null);
          return;
        }
        if (!extra.contains(m)) {
          extra.add(m);
        }
        n = Math.min(63, 27 + extra.indexOf(m));
      }
      limited |= 1L << n;
    }
    if (except) {
      limited = ~limited;
    }
    long old = call.state.limited;
    if ((old & limited) == 0) {
      call.fail(Problem.Kind.SECTION, call.name() + "> directive excludes all methods", null);
      return;
    }
    if ((old & limited) == old) {
      call.fail(Problem.Kind.SECTION, call.name() + "> directive specifies methods already excluded", null);
      return;
    }
    call.state.limited = old & limited;
    add(walker, walker.enter(except ? Scope.Kind.LIMIT_EXCEPT : Scope.Kind.LIMIT, call.directive, arg, limited));
  }

  private static void proxy(Call call, ConfigWalker walker) {
    String arg = inner(call);
    if (arg == null) {
      return;
    }
    ConfWords.Word first = ConfWords.next(arg, 0);
    String path = first.value();
    if (path.regionMatches(true, 0, "proxy:", 0, 6)) {
      path = path.substring(6);
    }
    boolean match = call.name().equalsIgnoreCase("<ProxyMatch");
    call.state.unknownWorkers();
    Object value = null;
    if (match) {
      Pcre.Result r = Pcre.compile(path, false);
      if (!r.isValid()) {
        call.fail(Problem.Kind.SECTION, call.at(first), "Regex could not be compiled", "PCRE says: " + r.error());
        return;
      }
      value = r;
    }
    call.state.override = Overrides.DIRECTORY | Overrides.PROXY_CONF;
    call.state.path = path;
    add(walker, walker.enter(match ? Scope.Kind.PROXY_MATCH : Scope.Kind.PROXY, call.directive, path, value));
    if (ConfWords.skipSpace(arg, first.end()) < arg.length()) {
      if (match) {
        call.fail(Problem.Kind.SECTION, "Multiple <ProxyMatch> arguments not (yet) supported.", null);
      } else if (path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0) {
        call.fail(Problem.Kind.SECTION, call.name() + "> arguments are not supported for wildchar url.", null);
      } else if (path.indexOf(':') < 0) {
        call.fail(Problem.Kind.SECTION, call.name() + "> arguments are not supported for non url.", null);
      }
    }
  }

  /** Sections opsbook does not model: their children are checked in their parent's context. */
  private static void other(Call call, ConfigWalker walker) {
    String arg = inner(call);
    if (arg == null) {
      return;
    }
    add(walker, walker.enter(Scope.Kind.OTHER, call.directive, arg, null));
  }

  static void add(ConfigWalker walker, ConfigWalker.ScopeBuilder scope) {
    walker.current().children.add(scope);
  }

  static Directive directive(Call call) {
    return call.directive;
  }
}
