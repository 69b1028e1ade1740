package org.opsbook.checker.nginx.validate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opsbook.checker.nginx.catalogue.Catalogue;
import org.opsbook.checker.nginx.catalogue.Context;
import org.opsbook.checker.nginx.catalogue.DirectiveSpec;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.Wrap;

/**
 * Decides where a snippet's top level stands, as an article's reader would: a file with
 * main-context directives ({@code events}, {@code http}, {@code worker_processes}, ...) is a whole
 * nginx.conf; one with {@code server}, {@code upstream}, {@code map} or other http-only directives
 * is read inside {@code http}, as Debian's conf.d and sites-enabled files are; one with
 * {@code location}, {@code listen} or {@code server_name} inside a server; other bare directives in
 * the first of server, location, http where every one of them is allowed. A snippet's
 * {@code context=} attribute overrides the guess. Pure functions.
 */
public final class Wrapping {
  private Wrapping() {}

  /** The wrap named by a {@code context=} attribute value, if it names one. */
  public static Optional<Wrap> named(String value) {
    try {
      return Optional.of(Wrap.valueOf(value.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static Wrap guess(List<Directive> top) {
    Catalogue cat = Catalogue.get();
    boolean http = false;
    boolean server = false;
    for (Directive d : top) {
      List<DirectiveSpec> specs = cat.lookup(d.name()).stream().filter(s -> s.module().isAvailable()).toList();
      if (d.name().equals("include")) {
        continue;
      }
      if (specs.stream().anyMatch(s -> s.allowedIn(Context.MAIN) && !s.anywhere())) {
        return Wrap.MAIN;
      }
      if (d.name().equals("server") || d.name().equals("upstream")
          || specs.stream().anyMatch(s -> s.allowedIn(Context.HTTP))
              && specs.stream().noneMatch(s -> s.allowedIn(Context.SERVER) || s.allowedIn(Context.LOCATION))) {
        http = true;
      }
      if (d.name().equals("location") || d.name().equals("listen") || d.name().equals("server_name")) {
        server = true;
      }
    }
    if (http) {
      return Wrap.HTTP;
    }
    if (server) {
      return Wrap.SERVER;
    }
    for (Wrap w : List.of(Wrap.SERVER, Wrap.LOCATION, Wrap.HTTP)) {
      Context c = context(w);
      boolean all = true;
      for (Directive d : top) {
        if (d.name().equals("include")) {
          continue;
        }
        if (cat.lookup(d.name()).stream().noneMatch(s -> s.module().isAvailable() && s.allowedIn(c))) {
          all = false;
          break;
        }
      }
      if (all) {
        return w;
      }
    }
    return Wrap.SERVER;
  }

  /** The directive context of a wrap's top level. */
  public static Context context(Wrap w) {
    return switch (w) {
      case MAIN -> Context.MAIN;
      case HTTP -> Context.HTTP;
      case SERVER -> Context.SERVER;
      case LOCATION -> Context.LOCATION;
    };
  }
}
