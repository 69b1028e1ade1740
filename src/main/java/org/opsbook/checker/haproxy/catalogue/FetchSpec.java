package org.opsbook.checker.haproxy.catalogue;

import java.util.EnumSet;
import java.util.Set;

/**
 * A sample fetch: where it may be used, its arguments and its output type.
 *
 * @param required how many arguments it needs
 * @param allowed how many it takes at most
 * @param output the sample type: bool, sint, str, bin, ipv4, ipv6, addr, meth, any
 */
public record FetchSpec(String name, Set<Place> places, int required, int allowed, String output) {
  public FetchSpec {
    places = places.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(places));
  }

  public boolean usableIn(Place p) {
    return places.contains(p);
  }
}
