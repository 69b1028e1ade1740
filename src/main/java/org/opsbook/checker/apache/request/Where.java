package org.opsbook.checker.apache.request;

import org.opsbook.checker.apache.model.Directive;

/** How traces name the place of a directive: its line, or Debian's defaults. */
final class Where {
  private Where() {}

  static String line(Directive d) {
    if (d.line().source().origin().file().equals("debian-defaults")) {
      return "in Debian's default configuration";
    }
    return "on line " + d.line().lastLine();
  }
}
