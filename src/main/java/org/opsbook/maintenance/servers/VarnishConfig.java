package org.opsbook.maintenance.servers;

import org.opsbook.maintenance.page.AllowEntry;
import org.opsbook.maintenance.page.ServerSettings;

/**
 * Varnish VCL 4.1: a complete VCL that, while the flag file exists, answers everyone but the
 * exempt with the page as a synthetic 503, and otherwise falls through to the built-in {@code
 * vcl_recv}. The flag is tested per request with {@code std.file_exists} (vmod_std, Varnish 7.0
 * and later), so switching needs no reload.
 */
public final class VarnishConfig implements ServerConfig {
  /** Private status codes between vcl_recv and vcl_synth; never sent to a client. */
  static final int PAGE = 750;
  static final int BYPASS = 751;

  @Override
  public String fileName() {
    return "varnish.vcl";
  }

  @Override
  public String language() {
    return "vcl";
  }

  @Override
  public String generate(ServedPage served) {
    ServerSettings server = served.server();
    String id = served.identifier();
    StringBuilder out = new StringBuilder();
    out.append("vcl 4.1;\n\n");
    out.append(served.banner("#"));
    out.append("# Needs Varnish 7.0 or later (std.file_exists). Merge your own VCL into this one.\n");
    out.append("# Maintenance is on while this file exists (tested on every request, no reload):\n");
    out.append("#   touch ").append(server.flagFile()).append("    # on\n");
    out.append("#   rm ").append(server.flagFile()).append("       # off\n");
    out.append("# The page is read from ").append(server.pageFile())
        .append(" once, when first served; vcl.load again after changing it.\n\n");
    out.append("import std;\n\n");
    out.append("backend ").append(id).append("_app {\n");
    String host = server.upstreamHost();
    out.append("    .host = \"").append(host).append("\";\n");
    out.append("    .port = \"").append(server.upstreamPort()).append("\";\n");
    out.append("}\n\n");
    boolean hasAllow = !served.page().allow().isEmpty();
    if (hasAllow) {
      out.append("acl ").append(id).append("_admin {\n");
      for (AllowEntry entry : served.page().allow()) {
        // vcl(7): an ACL entry is "address" or "address"/prefix.
        out.append("    \"").append(entry.addressText()).append("\"");
        if (!entry.isHost()) {
          out.append("/").append(entry.prefix());
        }
        out.append(";\n");
      }
      out.append("}\n\n");
    }
    out.append("sub vcl_recv {\n");
    out.append("    if (std.file_exists(\"").append(server.flagFile()).append("\")) {\n");
    served.bypassPath().ifPresent(path ->
        out.append("        if (req.url == \"").append(path).append("\") {\n")
            .append("            return (synth(").append(BYPASS).append("));\n")
            .append("        }\n"));
    StringBuilder exempt = new StringBuilder();
    if (hasAllow) {
      exempt.append("client.ip ~ ").append(id).append("_admin");
    }
    served.cookieRegex().ifPresent(regex ->
        exempt.append(exempt.length() > 0 ? "\n            || " : "").append("req.http.Cookie ~ \"").append(regex).append("\""));
    if (exempt.length() > 0) {
      out.append("        # Admins see the live site, uncached.\n");
      out.append("        if (").append(exempt).append(") {\n");
      out.append("            return (pass);\n");
      out.append("        }\n");
    }
    out.append("        if (req.url ~ \"").append(ServedPage.quotePrefix(server.healthPath())).append("(\\?|$)\"");
    for (String prefix : server.passPaths()) {
      out.append("\n            || req.url ~ \"").append(ServedPage.quotePrefix(prefix)).append("\"");
    }
    out.append(") {\n");
    out.append("            return (pass);\n");
    out.append("        }\n");
    if (server.htmlOnly()) {
      out.append("        # html_only: requests that do not accept HTML pass.\n");
      out.append("        if (req.http.Accept !~ \"(?i)text/html\") {\n");
      out.append("            return (pass);\n");
      out.append("        }\n");
    }
    out.append("        return (synth(").append(PAGE).append("));\n");
    out.append("    }\n");
    out.append("}\n\n");
    out.append("sub vcl_synth {\n");
    out.append("    if (resp.status == ").append(PAGE).append(") {\n");
    out.append("        set resp.status = 503;\n");
    out.append("        set resp.reason = \"Service Unavailable\";\n");
    out.append("        set resp.http.Content-Type = \"text/html; charset=utf-8\";\n");
    out.append("        set resp.http.Retry-After = \"").append(served.page().retryAfterSeconds()).append("\";\n");
    out.append("        set resp.http.Cache-Control = \"no-store\";\n");
    out.append("        set resp.http.Content-Security-Policy = \"").append(served.contentSecurityPolicy()).append("\";\n");
    out.append("        set resp.body = std.fileread(\"").append(server.pageFile()).append("\");\n");
    out.append("        return (deliver);\n");
    out.append("    }\n");
    served.setCookie().ifPresent(cookie -> {
      out.append("    if (resp.status == ").append(BYPASS).append(") {\n");
      out.append("        set resp.status = 302;\n");
      out.append("        set resp.reason = \"Found\";\n");
      out.append("        set resp.http.Location = \"/\";\n");
      out.append("        set resp.http.Set-Cookie = \"").append(cookie).append("\";\n");
      out.append("        set resp.http.Cache-Control = \"no-store\";\n");
      out.append("        set resp.body = \"\";\n");
      out.append("        return (deliver);\n");
      out.append("    }\n");
    });
    out.append("}\n");
    return out.toString();
  }
}
