package org.opsbook.checker.apache.catalogue;

/** The hint for a directive in the wrong place: where httpd does allow it. */
final class ContextHint {
  private ContextHint() {}

  static String hint(DirectiveSpec spec, WalkState state) {
    int o = spec.override();
    boolean server = (o & Overrides.RSRC_CONF) != 0;
    boolean directory = (o & (Overrides.ACCESS_CONF | Overrides.OR_ALL)) != 0;
    if ((o & Overrides.PROXY_CONF) != 0 && (o & ~Overrides.PROXY_CONF & ~Overrides.RSRC_CONF) == 0 && !server) {
      return spec.name() + " belongs in <Proxy>";
    }
    if ((o & (Overrides.OR_AUTHCFG | Overrides.OR_LIMIT)) != 0 && (o & Overrides.RSRC_CONF) == 0 && !state.inDirectoryContext()) {
      return spec.name() + " belongs inside <Directory>, <Location> or <Files>"
          + (spec.name().equals("Require") ? " (or <RequireAll>/<RequireAny>/<RequireNone> there)" : "");
    }
    if (server && !directory) {
      return spec.name() + " belongs at server or <VirtualHost> level, outside <Directory>, <Location>, <Files> and <If>";
    }
    if (!server && directory) {
      return spec.name() + " belongs inside <Directory>, <Location>, <Files> or <If>";
    }
    if ((spec.forbidden() & Forbidden.NOT_IN_VIRTUALHOST) != 0) {
      return spec.name() + " applies to the whole server: move it out of <VirtualHost>";
    }
    return null;
  }
}
