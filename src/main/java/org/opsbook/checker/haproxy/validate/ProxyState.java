package org.opsbook.checker.haproxy.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opsbook.checker.haproxy.model.Acl;
import org.opsbook.checker.haproxy.model.AclTerm;
import org.opsbook.checker.haproxy.model.Bind;
import org.opsbook.checker.haproxy.model.ErrorFile;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.Proxy;
import org.opsbook.checker.haproxy.model.Rule;
import org.opsbook.checker.haproxy.model.Section;
import org.opsbook.checker.haproxy.model.SectionKind;
import org.opsbook.checker.haproxy.model.Server;
import org.opsbook.checker.haproxy.model.Setting;

/** A proxy while its section is being read: what it inherited, then what its lines add. */
final class ProxyState {
  final Section section;
  Setting<String> mode;
  final Map<String, List<AclTerm>> acls = new LinkedHashMap<>();
  final List<Rule> httpRequest = new ArrayList<>();
  final List<Rule> httpResponse = new ArrayList<>();
  final List<Rule> httpAfterResponse = new ArrayList<>();
  final List<Rule> tcpRequest = new ArrayList<>();
  final List<Rule> redirects = new ArrayList<>();
  final List<Rule> switching = new ArrayList<>();
  Optional<Setting<String>> defaultBackend = Optional.empty();
  final List<Server> servers = new ArrayList<>();
  final List<Bind> binds = new ArrayList<>();
  final Map<String, Setting<Long>> timeouts = new TreeMap<>();
  final Map<String, Setting<Boolean>> options = new TreeMap<>();
  final Map<Integer, ErrorFile> errorfiles = new TreeMap<>();
  boolean hasLog;
  /** Where tables, stick rules, track-sc and use-server point, checked once all proxies are read. */
  final List<Line> trackRules = new ArrayList<>();
  boolean hasStickTable;
  final List<Line> useServers = new ArrayList<>();
  /** The options of default-server lines, which servers inherit. */
  final List<String> defaultServerOptions = new ArrayList<>();
  /** For a named defaults section with rules: whether proxies of each side use it. */
  boolean usedByFrontend;
  boolean usedByBackend;
  /** The first use_backend / redirect line, for HAProxy's rule-order warnings. */
  Line firstSwitching;
  Line firstRedirect;

  ProxyState(Section section, ProxyState defaults) {
    this.section = section;
    this.mode = new Setting<>("tcp", section.header());
    if (defaults != null) {
      mode = defaults.mode;
      timeouts.putAll(defaults.timeouts);
      options.putAll(defaults.options);
      errorfiles.putAll(defaults.errorfiles);
      hasLog = defaults.hasLog;
      if (section.kind().hasFrontend() && defaults.defaultBackend.isPresent()) {
        defaultBackend = defaults.defaultBackend;
      }
      defaultServerOptions.addAll(defaults.defaultServerOptions);
      // configuration manual 4.2: rules of a named defaults section run before the proxy's own
      if (section.kind() != SectionKind.DEFAULTS) {
        defaults.acls.forEach((name, terms) -> acls.put(name, new ArrayList<>(terms)));
        httpRequest.addAll(defaults.httpRequest);
        httpResponse.addAll(defaults.httpResponse);
        httpAfterResponse.addAll(defaults.httpAfterResponse);
        tcpRequest.addAll(defaults.tcpRequest);
      }
    }
  }

  SectionKind kind() {
    return section.kind();
  }

  String name() {
    return section.name();
  }

  boolean definesRules() {
    return !httpRequest.isEmpty() || !httpResponse.isEmpty() || !httpAfterResponse.isEmpty() || !tcpRequest.isEmpty();
  }

  boolean isHttpMode() {
    return mode.value().equals("http");
  }

  boolean isAnonymousDefaults() {
    return section.kind() == SectionKind.DEFAULTS && section.name().isEmpty();
  }

  Proxy freeze() {
    List<Acl> list = new ArrayList<>();
    acls.forEach((name, terms) -> list.add(new Acl(name, terms)));
    return new Proxy(section, mode, list, httpRequest, httpResponse, httpAfterResponse, tcpRequest, redirects, switching,
        defaultBackend, servers, binds, timeouts, options, errorfiles, hasLog);
  }
}
