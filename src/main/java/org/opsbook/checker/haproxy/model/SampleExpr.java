package org.opsbook.checker.haproxy.model;

import java.util.List;

/**
 * A sample expression: a fetch with its arguments and the converters applied to its result, as
 * {@code req.hdr(host),lower,map(/etc/haproxy/hosts.map,default)}.
 */
public record SampleExpr(String fetch, List<String> args, List<Converter> converters, String text) {
  public SampleExpr {
    args = List.copyOf(args);
    converters = List.copyOf(converters);
  }

  /** A converter and its arguments. */
  public record Converter(String name, List<String> args) {
    public Converter {
      args = List.copyOf(args);
    }
  }

  public String arg(int i) {
    return i < args.size() ? args.get(i) : "";
  }
}
