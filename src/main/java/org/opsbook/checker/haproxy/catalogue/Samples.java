package org.opsbook.checker.haproxy.catalogue;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sample fetches, converters and ACL keywords of Debian 12's HAProxy 2.6.12, from its own
 * {@code haproxy -dKall} listing. Immutable.
 */
public final class Samples {
  private static final Map<String, FetchSpec> FETCHES = readFetches();
  private static final Map<String, ConverterSpec> CONVERTERS = converters();
  private static final Map<String, AclKeyword> ACL_KEYWORDS = aclKeywords();

  private Samples() {}

  public static Optional<FetchSpec> fetch(String name) {
    return Optional.ofNullable(FETCHES.get(name));
  }

  public static Optional<ConverterSpec> converter(String name) {
    return Optional.ofNullable(CONVERTERS.get(name));
  }

  public static Optional<AclKeyword> aclKeyword(String name) {
    return Optional.ofNullable(ACL_KEYWORDS.get(name));
  }

  /** Every fetch by name, sorted. */
  public static Map<String, FetchSpec> allFetches() {
    return FETCHES;
  }

  private static Map<String, FetchSpec> readFetches() {
    Map<String, FetchSpec> out = new TreeMap<>();
    for (String line : Resources.lines("fetches.txt")) {
      String[] f = line.split("\t", -1);
      EnumSet<Place> places = EnumSet.noneOf(Place.class);
      for (int i = 0; i < f[1].length() && i < Place.values().length; i++) {
        if (f[1].charAt(i) == 'Y') {
          places.add(Place.values()[i]);
        }
      }
      int[] n = Arguments.count(f[2]);
      out.put(f[0], new FetchSpec(f[0], places, n[0], n[1], f[3]));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, ConverterSpec> converters() {
    Map<String, ConverterSpec> out = new TreeMap<>();
    for (String line : Resources.lines("converters.txt")) {
      String[] f = line.split("\t", -1);
      int[] n = Arguments.count(f[1]);
      out.put(f[0], new ConverterSpec(f[0], n[0], n[1], f[2], f[3]));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, AclKeyword> aclKeywords() {
    Map<String, AclKeyword> out = new TreeMap<>();
    for (String line : Resources.lines("acl-keywords.txt")) {
      String[] f = line.split(" ");
      out.put(f[0], new AclKeyword(f[0], f[1], f[2]));
    }
    return Collections.unmodifiableMap(out);
  }
}
