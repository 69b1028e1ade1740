package org.opsbook.checker.haproxy.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.check.Findings;
import org.opsbook.check.IncludedFiles;
import org.opsbook.checker.haproxy.model.Globals;
import org.opsbook.checker.haproxy.model.HaproxyConfig;
import org.opsbook.checker.haproxy.model.Proxy;
import org.opsbook.checker.haproxy.model.Section;
import org.opsbook.checker.haproxy.model.SectionKind;
import org.opsbook.checker.haproxy.rules.HaproxyRules;
import org.opsbook.checker.haproxy.syntax.HaproxyParser;
import org.opsbook.checker.haproxy.syntax.ParsedText;
import org.opsbook.checker.haproxy.syntax.Problem;

/**
 * Reads a snippet as {@code haproxy -c} reads a configuration: the reader's own checks, then the
 * global section, then every other section in order (proxies inheriting from the defaults before
 * them), then the checks that need the whole file, and finally the files that become replies.
 * The snippet is wrapped as {@link Wrapping} says. Stateless.
 */
public final class ConfigReader {
  private ConfigReader() {}

  public static HaproxyConfig read(String text, String fileName, IncludedFiles included, Findings findings) {
    Report report = new Report(findings, fileName);
    ParsedText parsed = HaproxyParser.parse(text, fileName, 0);
    for (Problem p : parsed.problems()) {
      report.at(p.warning() ? HaproxyRules.WARNING : HaproxyRules.SYNTAX, p.line(), p.column(), p.message());
    }
    boolean wrapped = Wrapping.needsWrapper(parsed.sections());
    List<Section> all = new ArrayList<>();
    if (wrapped) {
      all.addAll(HaproxyParser.parse(Wrapping.WRAPPER, "wrapper", -1).sections());
    }
    all.addAll(parsed.sections());
    FileLookup files = new FileLookup(included);
    ReadContext ctx = new ReadContext(report, files);
    List<Section> globals = all.stream().filter(s -> s.kind() == SectionKind.GLOBAL).toList();
    GlobalReader.experimental(globals, ctx);
    GlobalReader.Settings settings = GlobalReader.read(globals, ctx);
    List<ProxyState> proxies = new ArrayList<>();
    Map<String, ProxyState> named = new TreeMap<>();
    ProxyState defaults = null;
    for (Section s : all) {
      if (s.kind() == SectionKind.GLOBAL) {
        continue;
      }
      if (!s.kind().isProxy()) {
        OtherSections.read(s, ctx);
        continue;
      }
      ProxyState p = ProxyReader.read(s, defaults, named, proxies, ctx);
      if (p == null) {
        continue;
      }
      if (s.kind() == SectionKind.DEFAULTS) {
        defaults = p;
        if (!s.name().isEmpty()) {
          named.put(s.name(), p);
        }
      }
      proxies.add(p);
    }
    PostChecks.run(proxies, ctx);
    Payloads.check(ctx);
    if (!files.unread().isEmpty()) {
      // These are data (certificates, pages, maps), never configuration: the rules still see the
      // whole configuration, and the request model refuses a case that needs a file it lacks.
      findings.reportSnippet(HaproxyRules.FILE_UNREAD, "The configuration names files that opsbook could not read ("
          + IncludedFiles.Unread.list(files.unread()) + "), so what they hold is not checked",
          IncludedFiles.Unread.hint("haproxy"));
    }
    List<Proxy> frozen = proxies.stream().map(ProxyState::freeze).toList();
    Globals g = new Globals(ctx.bufsize, ctx.maxrewrite, settings.sslDefaultBindOptions(),
        settings.sslDefaultServerOptions(), ctx.sslServerVerify);
    return new HaproxyConfig(parsed.sections(), frozen, g, wrapped, parsed.complete(), files.found(), fileName);
  }
}
