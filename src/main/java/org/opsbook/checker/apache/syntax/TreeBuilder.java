package org.opsbook.checker.apache.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opsbook.check.DiskFiles;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.apache.catalogue.ArgForms;
import org.opsbook.checker.apache.catalogue.DirectiveCatalogue;
import org.opsbook.checker.apache.catalogue.DirectiveSpec;
import org.opsbook.checker.apache.catalogue.ModuleSet;
import org.opsbook.checker.apache.catalogue.Overrides;
import org.opsbook.checker.apache.model.ConfWords;
import org.opsbook.checker.apache.model.Directive;
import org.opsbook.checker.apache.model.LineText;
import org.opsbook.checker.apache.model.Position;
import org.opsbook.checker.apache.model.Problem;

/**
 * httpd's build phase (config.c, ap_build_config and ap_build_config_sub): lines become a tree
 * of directives; sections open and close; the directives httpd executes while reading run now:
 * {@code Define}, {@code UnDefine}, {@code Include}, {@code <IfModule>} and the other
 * conditional sections, {@code LoadModule}, {@code ServerRoot}. One instance reads one file and
 * the files it includes; not thread-safe.
 */
final class TreeBuilder {
  /** config.c, AP_MAX_INCLUDE_DEPTH: httpd gives up at 128 nested includes. */
  private static final int MAX_INCLUDE_DEPTH = 128;
  /**
   * Files included in all, a bound of opsbook's own: a wildcard that includes itself through two
   * files doubles the work at every level, which httpd would grind through and a build must not.
   */
  private static final int MAX_INCLUDED_FILES = 4096;
  private static final String HTTPD_VERSION = "2.4.71";
  /** Deeper nesting than any real configuration has; beyond it opsbook stops reading. */
  static final int MAX_NESTING = 100;

  private final ReadSettings settings;
  private final Variables variables = new Variables();
  private final List<Problem> problems = new ArrayList<>();
  private final List<IncludedFiles.Unread> unread = new ArrayList<>();
  private ModuleSet modules;
  private String serverRoot;
  private int includeDepth;
  private int filesIncluded;
  private int conditionalDepth;

  /** A fatal build-phase problem: httpd returns it and reads no further. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  TreeBuilder(ReadSettings settings) {
    this.settings = settings;
    this.modules = settings.modules();
    this.serverRoot = settings.serverRoot();
  }

  ReadResult read(Snippet file) {
    List<Node> top = new ArrayList<>();
    boolean complete = true;
    try {
      buildFile(file, top);
    } catch (Stop stop) {
      complete = false;
    }
    return new ReadResult(freeze(top), problems, modules, complete, unread);
  }

  /** A directive being built; sections collect children until their closing line. */
  private static final class Node {
    final String name;
    final LineText line;
    final int argsStart;
    final String args;
    final boolean section;
    final List<Node> children = new ArrayList<>();

    Node(String name, LineText line, int argsStart, String args, boolean section) {
      this.name = name;
      this.line = line;
      this.argsStart = argsStart;
      this.args = args;
      this.section = section;
    }
  }

  /** Where new directives go: the open sections of one file (or one conditional section). */
  private static final class Frame {
    final List<Node> out;
    final Deque<Node> open = new ArrayDeque<>();

    Frame(List<Node> out) {
      this.out = out;
    }

    void add(Node n) {
      (open.isEmpty() ? out : open.peek().children).add(n);
    }
  }

  /** The lines of one file and how far they have been read. */
  private static final class Cursor {
    final List<LineText> lines;
    int next;

    Cursor(List<LineText> lines) {
      this.lines = lines;
    }

    boolean hasNext() {
      return next < lines.size();
    }

    LineText take() {
      return lines.get(next++);
    }
  }

  private void buildFile(Snippet file, List<Node> into) {
    Cursor cursor = new Cursor(LogicalLines.read(file));
    Frame frame = new Frame(into);
    while (cursor.hasNext()) {
      line(cursor.take(), cursor, frame);
    }
    if (!frame.open.isEmpty()) {
      // config.c: every unclosed section is named; httpd points at the outermost one.
      StringBuilder msg = new StringBuilder();
      Node outermost = null;
      for (Node n : frame.open) {
        if (msg.length() > 0) {
          msg.append('\n');
        }
        msg.append(n.name).append("> was not closed.");
        outermost = n;
      }
      stop(Problem.Kind.SECTION, outermost.line.at(0), msg.toString(),
          "add </" + outermost.name.substring(1) + "> where the section ends");
    }
  }

  /** One logical line: ap_build_config_sub. */
  private void line(LineText raw, Cursor cursor, Frame frame) {
    if (raw.text().startsWith("#")) {
      return;
    }
    Variables.Expanded expanded = variables.expand(raw);
    for (Variables.Undefined u : expanded.undefined()) {
      problems.add(new Problem(Problem.Kind.UNDEFINED_VARIABLE, raw.at(u.offset()),
          "Config variable ${" + u.name() + "} is not defined",
          "define it with 'Define " + u.name() + " value' before this line, or it stays as written"));
    }
    LineText line = expanded.line();
    String text = line.text();
    ConfWords.Word first = ConfWords.next(text, 0);
    String name = first.value();
    if (name.isEmpty()) {
      return;
    }
    int argsStart = ConfWords.skipSpace(text, first.end());
    String args = text.substring(argsStart);
    boolean closing = name.length() > 1 && name.charAt(1) == '/';
    if (!closing) {
      if (name.endsWith(">")) {
        name = name.substring(0, name.length() - 1);
      }
      if (name.startsWith("<") && args.isEmpty()) {
        args = ">";
      }
    }
    Optional<DirectiveSpec> spec = DirectiveCatalogue.lookup(name, modules);
    if (spec.isPresent() && spec.get().executesOnRead()) {
      executeNow(spec.get(), new Node(spec.get().name(), line, argsStart, args, false), cursor, frame);
      return;
    }
    String shown = spec.map(DirectiveSpec::name).orElse(name);
    if (!name.startsWith("<")) {
      frame.add(new Node(shown, line, argsStart, args, false));
    } else if (!closing) {
      if (frame.open.size() + conditionalDepth >= MAX_NESTING) {
        tooDeep(line);
      }
      Node section = new Node(shown, line, argsStart, args, true);
      frame.add(section);
      frame.open.push(section);
    } else {
      close(name, line, frame);
    }
  }

  private void close(String name, LineText line, Frame frame) {
    if (frame.open.isEmpty()) {
      stop(Problem.Kind.SECTION, line.at(0), name + " without matching <" + name.substring(2) + " section",
          "remove it, or add the section's opening line");
    }
    if (!name.endsWith(">")) {
      stop(Problem.Kind.SECTION, line.at(0), name + "> directive missing closing '>'", "write " + name + ">");
    }
    Node parent = frame.open.peek();
    String closed = name.substring(2, name.length() - 1);
    if (!closed.equalsIgnoreCase(parent.name.substring(1))) {
      stop(Problem.Kind.SECTION, line.at(0), "Expected </" + parent.name.substring(1) + "> but saw "
          + name.substring(0, name.length() - 1) + ">",
          "close the innermost open section first: " + parent.name + "> opened on line " + parent.line.lastLine());
    }
    frame.open.pop();
  }

  /** execute_now in config.c: invoke_cmd's checks, then the handler. */
  private void executeNow(DirectiveSpec spec, Node node, Cursor cursor, Frame frame) {
    Position at = node.line.at(0);
    int override = settings.isHtaccess() ? settings.htaccessOverride() : Overrides.SERVER;
    if ((override & spec.override()) == 0) {
      stop(Problem.Kind.CONTEXT, at, spec.name() + " not allowed here", null);
    }
    ArgForms.check(spec, node.args).ifPresent(msg -> stop(Problem.Kind.ARGUMENTS, at, msg, null));
    switch (spec.name().toLowerCase(Locale.ROOT)) {
      case "define", "undefine" -> define(spec, node);
      case "include", "includeoptional" -> include(spec, node, frame);
      case "<ifmodule", "<ifdefine", "<iffile", "<ifdirective", "<ifsection" -> conditional(spec, node, cursor, frame);
      case "<ifversion" -> ifVersion(spec, node, cursor, frame);
      case "loadmodule" -> loadModule(node);
      case "serverroot" -> serverRoot = stripSlash(ConfWords.next(node.args, 0).value());
      default -> {
        // LoadFile, DefaultRuntimeDir, RemoteIP*List: nothing the rest of the check depends on.
      }
    }
  }

  private void define(DirectiveSpec spec, Node node) {
    Position at = node.line.at(0);
    if (settings.isHtaccess()) {
      stop(Problem.Kind.CONTEXT, at, spec.name() + " cannot occur within htaccess files", null);
    }
    List<String> words = ArgForms.values(node.args);
    String name = words.get(0);
    if (name.indexOf(':') >= 0) {
      stop(Problem.Kind.ARGUMENTS, at, "Variable name must not contain ':'", null);
    }
    if (spec.name().equals("Define")) {
      variables.define(name, words.size() > 1 ? words.get(1) : null);
    } else {
      variables.undefine(name);
    }
  }

  private void include(DirectiveSpec spec, Node node, Frame frame) {
    String path = ConfWords.next(node.args, 0).value();
    String absolute = path.startsWith("/") ? path : serverRoot + "/" + path;
    List<IncludedFiles.Unread> missed = new ArrayList<>();
    IncludedFiles files = notingUnread(settings.files(), missed);
    boolean optional = spec.name().equals("IncludeOptional");
    List<Snippet> found = new ArrayList<>();
    List<Snippet> matched = IncludedFiles.isPattern(absolute) ? files.matching(absolute) : named(files, absolute);
    boolean leftOut = expand(files, matched, found, 0) || files.mayLeaveOut(matched);
    if (!missed.isEmpty()) {
      // httpd reads its configuration as root: the file is there, only not checked.
      problems.add(new Problem(Problem.Kind.INCLUDE_UNCHECKED, node.line.at(0), spec.name() + " " + path + " matches "
          + IncludedFiles.Unread.describe(missed) + ", and rules that need the whole configuration are off",
          IncludedFiles.Unread.hint("apache2")));
      unread.addAll(missed);
      if (found.isEmpty()) {
        return;
      }
    }
    if (found.isEmpty()) {
      if (files.isWholeTree()) {
        // On a disk, nothing found is a fact: Include fails as ap_process_fnmatch_configs does,
        // IncludeOptional quietly includes nothing.
        if (!optional) {
          stop(Problem.Kind.INCLUDE, node.line.at(0), missing(files, absolute),
              "check the path; IncludeOptional includes nothing, without an error, when nothing matches");
        }
        return;
      }
      problems.add(new Problem(Problem.Kind.INCLUDE_UNCHECKED, node.line.at(0),
          spec.name() + " " + path + ": no such file among the files opsbook was given, so its directives are not checked",
          "in an article, show the file as a snippet with file=" + absolute + "; 'opsbook lint' reads it from disk"));
      return;
    }
    if (includeDepth >= MAX_INCLUDE_DEPTH) {
      stop(Problem.Kind.INCLUDE, node.line.at(0), "Exceeded maximum include depth of " + MAX_INCLUDE_DEPTH
          + ", There appears to be a recursion.", "an included file includes itself, directly or through others");
    }
    if (leftOut) {
      // At most this many files of one pattern or folder are read: say so rather than pass the rest.
      problems.add(new Problem(Problem.Kind.INCLUDE_UNCHECKED, node.line.at(0),
          spec.name() + " " + path + ": matches " + DiskFiles.MATCH_LIMIT + " files or more in one folder; opsbook"
              + " reads the first " + DiskFiles.MATCH_LIMIT + ", so any after them are not checked",
          "split the folder, or lint the files after the first " + DiskFiles.MATCH_LIMIT + " on their own"));
    }
    filesIncluded += found.size();
    if (filesIncluded > MAX_INCLUDED_FILES) {
      stop(Problem.Kind.INCLUDE, node.line.at(0), "more than " + MAX_INCLUDED_FILES
          + " included files: opsbook stops reading here", "an included file probably includes itself through a wildcard");
    }
    includeDepth++;
    try {
      for (Snippet s : found) {
        List<Node> nodes = new ArrayList<>();
        buildFile(s, nodes);
        nodes.forEach(frame::add);
      }
    } finally {
      includeDepth--;
    }
  }

  /**
   * The files, with every match's unread files ({@link IncludedFiles#unread}) noted in {@code
   * missed}: an include reaches files through its pattern and through the folders it matches.
   */
  private static IncludedFiles notingUnread(IncludedFiles files, List<IncludedFiles.Unread> missed) {
    return new IncludedFiles() {
      @Override
      public List<Snippet> matching(String pattern) {
        for (IncludedFiles.Unread u : files.unread(pattern)) {
          if (!missed.contains(u)) {
            missed.add(u);
          }
        }
        return files.matching(pattern);
      }

      @Override
      public boolean isWholeTree() {
        return files.isWholeTree();
      }

      @Override
      public boolean mayLeaveOut(List<Snippet> matched) {
        return files.mayLeaveOut(matched);
      }
    };
  }

  /**
   * A path without wildcards: a folder stands for the files in it (config.c,
   * ap_process_resource_config_nofnmatch), otherwise the file itself.
   */
  private static List<Snippet> named(IncludedFiles files, String absolute) {
    List<Snippet> inside = files.matching(stripSlash(absolute) + "/*");
    return inside.isEmpty() ? files.matching(absolute) : inside;
  }

  /**
   * Files as read, folders (empty text with files below them) replaced by their files, recursively;
   * returns whether a folder's listing may have left files out ({@link IncludedFiles#mayLeaveOut}).
   */
  private static boolean expand(IncludedFiles files, List<Snippet> matches, List<Snippet> into, int depth) {
    boolean leftOut = false;
    for (Snippet s : matches) {
      String file = s.attribute("file").orElse(null);
      List<Snippet> inside = s.text().isEmpty() && file != null && depth < MAX_INCLUDE_DEPTH
          ? files.matching(stripSlash(file) + "/*") : List.of();
      if (inside.isEmpty()) {
        into.add(s);
      } else {
        leftOut |= files.mayLeaveOut(inside) | expand(files, inside, into, depth + 1);
      }
    }
    return leftOut;
  }

  /** httpd's message for an Include that finds nothing on a disk (config.c, process_resource_config_fnmatch). */
  private static String missing(IncludedFiles files, String absolute) {
    if (!IncludedFiles.isPattern(absolute)) {
      return "Could not open configuration file " + absolute + ": No such file or directory";
    }
    String[] parts = absolute.substring(1).split("/", -1);
    String dir = "";
    for (String part : parts) {
      String parent = dir.isEmpty() ? "/" : dir;
      if (IncludedFiles.isPattern(part)) {
        if (!dir.isEmpty() && named(files, dir).isEmpty()) {
          return "Include/IncludeOptional: Could not open directory " + parent + ": No such file or directory";
        }
        List<Snippet> matches = files.matching(dir + "/" + part);
        if (matches.isEmpty()) {
          return "Include/IncludeOptional: No matches for the wildcard '" + part + "' in '" + parent + "', failing";
        }
        dir = matches.get(0).attribute("file").orElse(dir + "/" + part);
      } else {
        dir = dir + "/" + part;
      }
    }
    return "Include/IncludeOptional: No matches for '" + absolute + "', failing";
  }

  /** start_cond_section in core.c. */
  private void conditional(DirectiveSpec spec, Node node, Cursor cursor, Frame frame) {
    String args = node.args;
    Position at = node.line.at(0);
    int gt = args.lastIndexOf('>');
    if (gt < 0) {
      stop(Problem.Kind.SECTION, at, spec.name() + "> directive missing closing '>'", "end the line with >");
    }
    String arg = args.substring(0, gt);
    boolean not = arg.startsWith("!");
    if (not) {
      arg = arg.substring(1);
    }
    String what = ConfWords.next(arg, 0).value();
    if (what.isEmpty()) {
      stop(Problem.Kind.SECTION, at, spec.name() + "> directive requires additional arguments", null);
    }
    boolean result = switch (spec.name().toLowerCase(Locale.ROOT)) {
      case "<ifmodule" -> modules.matchesIfModule(what);
      case "<ifdefine" -> variables.isDefined(what);
      case "<iffile" -> !settings.files().matching(what.startsWith("/") ? what : serverRoot + "/" + what).isEmpty();
      case "<ifdirective" -> DirectiveCatalogue.lookup(what, modules).isPresent();
      default -> DirectiveCatalogue.lookup("<" + what, modules).isPresent();
    };
    enter(spec.name(), result != not, node, cursor, frame);
  }

  /** mod_version's {@code <IfVersion [[!]op] version>}, against the reference httpd. */
  private void ifVersion(DirectiveSpec spec, Node node, Cursor cursor, Frame frame) {
    Position at = node.line.at(0);
    List<String> words = ArgForms.values(node.args);
    String last = words.get(words.size() - 1);
    int gt = last.lastIndexOf('>');
    if (gt < 0) {
      stop(Problem.Kind.SECTION, at, "<IfVersion> directive missing closing '>'", "end the line with >");
    }
    words.set(words.size() - 1, last.substring(0, gt));
    words.removeIf(String::isEmpty);
    Optional<Boolean> result = VersionTest.evaluate(words, HTTPD_VERSION);
    if (result.isEmpty()) {
      stop(Problem.Kind.ARGUMENTS, at, VersionTest.error(words), null);
    }
    enter(spec.name(), result.get(), node, cursor, frame);
  }

  private void enter(String name, boolean taken, Node node, Cursor cursor, Frame frame) {
    if (frame.open.size() + conditionalDepth >= MAX_NESTING) {
      tooDeep(node.line);
    }
    conditionalDepth++;
    try {
      if (taken) {
        container(name, cursor, frame);
      } else {
        soak(name, cursor);
      }
    } catch (SoakFailure f) {
      // A skipped section's error is reported at the conditional that skipped it.
      stop(Problem.Kind.SECTION, node.line.at(0), f.getMessage(), "balance the sections inside it");
    } finally {
      conditionalDepth--;
    }
  }

  private void tooDeep(LineText line) {
    stop(Problem.Kind.SECTION, line.at(0), "sections are nested more than " + MAX_NESTING
        + " deep; opsbook does not read further", "no real configuration nests this deep: check the closing lines");
  }

  /**
   * ap_build_cont_config: the section's lines are read into the enclosing level until its end
   * tag, which must be the whole line and may not close anything opened inside. At the end of
   * the file httpd stops reading without complaint.
   */
  private void container(String name, Cursor cursor, Frame outer) {
    String end = name.substring(1) + ">";
    List<Node> nodes = new ArrayList<>();
    Frame inner = new Frame(nodes);
    try {
      while (cursor.hasNext()) {
        LineText raw = cursor.take();
        String t = raw.text();
        if (t.startsWith("</") && t.substring(2).equalsIgnoreCase(end) && inner.open.isEmpty()) {
          return;
        }
        line(raw, cursor, inner);
      }
    } finally {
      nodes.forEach(outer::add);
    }
  }

  private static final class SoakFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SoakFailure(String message) {
      super(message, null, false, false);
    }
  }

  /** ap_soak_end_container: skips to the matching end tag, sections inside balanced. */
  private static void soak(String name, Cursor cursor) {
    Deque<String> waiting = new ArrayDeque<>();
    waiting.push(name);
    while (cursor.hasNext()) {
      String text = cursor.take().text();
      ConfWords.Word w = ConfWords.next(text, 0);
      String cmd = w.value();
      if (!cmd.startsWith("<")) {
        continue;
      }
      if (cmd.length() > 1 && cmd.charAt(1) == '/') {
        String closed = cmd.substring(0, cmd.length() - 1);
        String expected = waiting.pop();
        if (!closed.substring(2).equalsIgnoreCase(expected.substring(1))) {
          throw new SoakFailure("Expected </" + expected.substring(1) + "> but saw " + closed + ">");
        }
        if (waiting.isEmpty()) {
          return;
        }
      } else {
        String args = text.substring(ConfWords.skipSpace(text, w.end()));
        waiting.push(args.isEmpty() && cmd.endsWith(">") ? cmd.substring(0, cmd.length() - 1) : cmd);
      }
    }
    throw new SoakFailure("Expected </" + waiting.peekLast().substring(1) + "> before end of configuration");
  }

  private void loadModule(Node node) {
    List<String> words = ArgForms.values(node.args);
    String symbol = words.get(0);
    String file = words.get(1);
    String absolute = file.startsWith("/") ? file : serverRoot + "/" + file;
    Optional<String> known = DirectiveCatalogue.moduleBySymbol(symbol).map(m -> m.name());
    String base = absolute.substring(absolute.lastIndexOf('/') + 1);
    boolean fileExists = DirectiveCatalogue.modules().stream().anyMatch(m -> ("mod_" + m.name() + ".so").equals(base));
    if (!fileExists) {
      stop(Problem.Kind.ARGUMENTS, node.line.at(0), "Cannot load " + absolute + " into server: " + absolute
          + ": cannot open shared object file: No such file or directory",
          "Debian's modules are in /usr/lib/apache2/modules; enable them with a2enmod");
    }
    if (known.isEmpty() || !base.equals("mod_" + known.get() + ".so")) {
      stop(Problem.Kind.ARGUMENTS, node.line.at(0), "Can't locate API module structure `" + symbol + "' in file "
          + absolute, "the first argument is the module's symbol, such as rewrite_module for mod_rewrite.so");
    }
    modules = modules.with(known.get());
  }

  private static String stripSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private void stop(Problem.Kind kind, Position at, String message, String hint) {
    problems.add(new Problem(kind, at, message, hint));
    throw new Stop();
  }

  private static List<Directive> freeze(List<Node> nodes) {
    List<Directive> out = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      out.add(new Directive(n.name, n.line, n.argsStart, n.args, freeze(n.children), n.section));
    }
    return out;
  }
}
