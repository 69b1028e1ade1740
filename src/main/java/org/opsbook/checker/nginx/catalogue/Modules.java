package org.opsbook.checker.nginx.catalogue;

import java.util.Map;
import java.util.TreeMap;

/**
 * How Debian 12 builds each module of nginx 1.22.1. Facts from {@code nginx -V} of Debian's
 * 1.22.1-9 package (its configure arguments: {@code --with-...} modules built in,
 * {@code =dynamic} ones shipped as libnginx-mod-* packages) and from nginx's auto/options
 * defaults for the modules built unless switched off.
 */
final class Modules {
  private Modules() {}

  private static final String[] SEPARATE = {
    "ngx_http_geoip_module", "libnginx-mod-http-geoip",
    "ngx_http_image_filter_module", "libnginx-mod-http-image-filter",
    "ngx_http_perl_module", "libnginx-mod-http-perl",
    "ngx_http_xslt_filter_module", "libnginx-mod-http-xslt-filter",
    "ngx_stream_geoip_module", "libnginx-mod-stream-geoip",
  };

  private static final String[] NOT_BUILT = {"ngx_http_degradation_module", "ngx_google_perftools_module"};

  private static final String[] OTHER_PLATFORM = {
    "ngx_devpoll_module", "ngx_eventport_module", "ngx_iocp_module", "ngx_kqueue_module"};

  static Module of(String name) {
    Map<String, Module> known = new TreeMap<>();
    for (int i = 0; i < SEPARATE.length; i += 2) {
      known.put(SEPARATE[i], new Module(SEPARATE[i], Build.SEPARATE_PACKAGE, SEPARATE[i + 1]));
    }
    Module m = known.get(name);
    if (m != null) {
      return m;
    }
    if (name.startsWith("ngx_mail")) {
      return new Module(name, Build.SEPARATE_PACKAGE, "libnginx-mod-mail");
    }
    if (name.startsWith("ngx_stream")) {
      return new Module(name, Build.SEPARATE_PACKAGE, "libnginx-mod-stream");
    }
    for (String n : NOT_BUILT) {
      if (n.equals(name)) {
        return new Module(name, Build.NOT_BUILT, "");
      }
    }
    for (String n : OTHER_PLATFORM) {
      if (n.equals(name)) {
        return new Module(name, Build.OTHER_PLATFORM, "");
      }
    }
    return new Module(name, Build.BUILT_IN, "");
  }
}
