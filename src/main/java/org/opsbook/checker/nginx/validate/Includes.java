package org.opsbook.checker.nginx.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.Source;
import org.opsbook.checker.nginx.rules.NginxRules;
import org.opsbook.checker.nginx.syntax.NginxParser;
import org.opsbook.checker.nginx.syntax.ParsedText;

/**
 * Expands {@code include} where it stands, as ngx_conf_include() does (nginx:
 * src/core/ngx_conf_file.c): a relative path is read against /etc/nginx (Debian's
 * {@code --conf-path} folder), a pattern takes every match in sorted order and may match nothing,
 * a plain path must exist. Files come from the {@link IncludedFiles} of the check; Debian's own
 * files in /etc/nginx fall back to stand-ins of the same content. Stateless.
 */
public final class Includes {
  /** nginx has no limit; a file that includes itself would loop forever, so opsbook stops here. */
  static final int MAX_DEPTH = 16;

  private static final String PREFIX = "/etc/nginx/";
  private static final Set<String> DEBIAN = Set.of("mime.types", "fastcgi_params", "fastcgi.conf", "proxy_params",
      "scgi_params", "uwsgi_params", "koi-utf", "koi-win", "win-utf", "snippets/fastcgi-php.conf",
      "snippets/snakeoil.conf");

  private Includes() {}

  /**
   * The outcome: the expanded directives, and whether they are all there is (false after a syntax
   * error in an included file, when a pattern matched more files than are read, or when a file
   * that matched could not be read).
   */
  public record Expanded(List<Directive> directives, boolean complete) {}

  public static Expanded expand(List<Directive> directives, IncludedFiles files, Reporter reporter) {
    boolean[] complete = {true};
    List<Directive> out = expand(directives, files, reporter, 0, complete);
    return new Expanded(out, complete[0]);
  }

  private static List<Directive> expand(List<Directive> directives, IncludedFiles files, Reporter reporter, int depth,
      boolean[] complete) {
    List<Directive> out = new ArrayList<>();
    for (Directive d : directives) {
      if (!d.name().equals("include") || d.args().size() != 1 || d.isBlock()) {
        out.add(d.isBlock() ? d.withBlock(expand(d.block(), files, reporter, depth, complete)) : d);
        continue;
      }
      if (depth >= MAX_DEPTH) {
        reporter.at(NginxRules.INCLUDE, d, "include \"" + d.arg(0) + "\" nests more than " + MAX_DEPTH
            + " files deep; opsbook stops here (an include loop makes nginx recurse until it fails)", null);
        continue;
      }
      String path = absolute(d.arg(0));
      List<Snippet> matched = files.matching(path);
      List<IncludedFiles.Unread> unread = files.unread(path);
      if (!unread.isEmpty()) {
        // nginx reads its configuration as root: the file is there, only not checked.
        reporter.at(NginxRules.INCLUDE, d, "include \"" + d.arg(0) + "\" matches "
            + IncludedFiles.Unread.describe(unread) + ", and rules that need the whole configuration are off",
            IncludedFiles.Unread.hint("nginx"));
        unread.forEach(reporter.findings()::markUnread);
        complete[0] = false;
      }
      if (matched.isEmpty() && unread.isEmpty()) {
        Optional<Snippet> debian = debian(path);
        if (debian.isPresent()) {
          matched = List.of(debian.get());
        } else if (!IncludedFiles.isPattern(path)) {
          reporter.at(NginxRules.INCLUDE, d, "open() \"" + path + "\" failed (2: No such file or directory): "
              + "the file is not there, so its directives are not checked (nginx -t refuses a missing file)",
              "in an article, give the file as a snippet with file=" + path);
          continue;
        }
      }
      if (files.mayLeaveOut(matched)) {
        reporter.at(NginxRules.INCLUDE, d, "include \"" + d.arg(0) + "\" matches " + matched.size()
            + " files or more; opsbook reads the first " + matched.size() + ", so any after them are not checked",
            "split the folder, or lint the files after them on their own");
        complete[0] = false;
      }
      for (Snippet s : matched) {
        Source source = new Source(s.attribute("file").orElse(path), s, false);
        ParsedText parsed = NginxParser.parse(source, false);
        parsed.error().ifPresent(e -> {
          reporter.at(NginxRules.SYNTAX, source, e.line(), e.column(), e.message() + " in " + source.path() + ":"
              + e.line(), null);
          complete[0] = false;
        });
        out.addAll(expand(parsed.directives(), files, reporter, depth + 1, complete));
      }
    }
    return out;
  }

  /** nginx: ngx_conf_full_name() against the configuration prefix. */
  public static String absolute(String path) {
    return path.startsWith("/") ? path : PREFIX + path;
  }

  private static Optional<Snippet> debian(String path) {
    if (!path.startsWith(PREFIX) || !DEBIAN.contains(path.substring(PREFIX.length()))) {
      return Optional.empty();
    }
    String name = path.substring(PREFIX.length());
    try (InputStream in = Includes.class.getResourceAsStream("/org/opsbook/checker/nginx/debian/" + name)) {
      if (in == null) {
        return Optional.empty();
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Optional.of(Snippet.ofFile("nginx", text, path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
