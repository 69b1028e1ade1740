package org.opsbook.checker.haproxy.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A frontend, backend, listen or defaults section after reading, with what it inherits from the
 * defaults section before it already merged in (mode, timeouts, options, errorfiles, log).
 *
 * @param mode tcp, http or health
 * @param acls named ACLs in the order they were first declared
 * @param httpRequest the {@code http-request} rules in order
 * @param redirects the {@code redirect} rules in order
 * @param switching the {@code use_backend} rules in order
 * @param defaultBackend the {@code default_backend}, if any
 * @param timeouts timeouts by name (client, server, connect, ...), in milliseconds
 * @param options {@code option} names and whether they are on ({@code no option} turns one off)
 * @param errorfiles replacement responses by status
 * @param hasLog whether a {@code log} line applies
 */
public record Proxy(
    Section section,
    Setting<String> mode,
    List<Acl> acls,
    List<Rule> httpRequest,
    List<Rule> httpResponse,
    List<Rule> httpAfterResponse,
    List<Rule> tcpRequest,
    List<Rule> redirects,
    List<Rule> switching,
    Optional<Setting<String>> defaultBackend,
    List<Server> servers,
    List<Bind> binds,
    Map<String, Setting<Long>> timeouts,
    Map<String, Setting<Boolean>> options,
    Map<Integer, ErrorFile> errorfiles,
    boolean hasLog) {

  public Proxy {
    acls = List.copyOf(acls);
    httpRequest = List.copyOf(httpRequest);
    httpResponse = List.copyOf(httpResponse);
    httpAfterResponse = List.copyOf(httpAfterResponse);
    tcpRequest = List.copyOf(tcpRequest);
    redirects = List.copyOf(redirects);
    switching = List.copyOf(switching);
    servers = List.copyOf(servers);
    binds = List.copyOf(binds);
    timeouts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(timeouts));
    options = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(options));
    errorfiles = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(errorfiles));
  }

  public SectionKind kind() {
    return section.kind();
  }

  public String name() {
    return section.name();
  }

  public Line header() {
    return section.header();
  }

  public boolean isHttp() {
    return mode.value().equals("http");
  }

  public Optional<Acl> acl(String name) {
    return acls.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** Whether an option is on, by its name after {@code option}. */
  public boolean option(String name) {
    Setting<Boolean> s = options.get(name);
    return s != null && s.value();
  }

  /** Whether the section comes from the checker's wrapper rather than the snippet. */
  public boolean isWrapper() {
    return section.header().file() < 0;
  }

  /** Which kind of section, as HAProxy names it in messages: frontend, backend or proxy (listen). */
  public String capabilityWord() {
    return switch (section.kind()) {
      case FRONTEND -> "frontend";
      case BACKEND -> "backend";
      case DEFAULTS -> "defaults";
      default -> "proxy";
    };
  }
}
