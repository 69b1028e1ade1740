package org.opsbook.checker.iptables.syntax;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.opsbook.checker.net.IpProtocols;
import org.opsbook.checker.net.ServicePorts;

/**
 * Validates option arguments the way iptables 1.8's parsers do, returning iptables' own error
 * message (or {@code null} when the value is accepted). Numbers of any size are read without
 * overflow and held to the range the extension declares. Pure functions over immutable tables.
 */
final class ArgumentChecks {
  private ArgumentChecks() {}

  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
  private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{1,2}(:[0-9A-Fa-f]{1,2}){5}");
  private static final Pattern NUMBER = Pattern.compile("0[xX][0-9A-Fa-f]+|\\d+");
  private static final Pattern HASHLIMIT_BYTES = Pattern.compile("(\\d+)([kmg]?)b/s");
  private static final BigInteger UINT32_MAX = BigInteger.valueOf(0xFFFFFFFFL);
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final Pattern ICMP_NUMERIC = Pattern.compile("\\d{1,3}(/\\d{1,3})?");
  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
  private static final Pattern ID_RANGE = Pattern.compile("\\d+(-\\d+)?");
  private static final Pattern ACCOUNT_NAME = Pattern.compile("[a-z_][a-z0-9_.-]*\\$?");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");


  /**
   * The range an option's number must lie in, and the extension name iptables puts before its
   * message (xtoptions.c: "NAME: bad value for option ..., or out of range (MIN-MAX)").
   */
  private record Range(String extension, long min, BigInteger max) {
    Range(String extension, long min, long max) {
      this(extension, min, BigInteger.valueOf(max));
    }
  }

  private static final Map<String, Range> RANGES = Map.ofEntries(
      Map.entry("limit-burst", new Range("limit", 0, 10000)),
      // libxt_hashlimit checks the burst itself, without the extension's name
      Map.entry("hashlimit-burst", new Range("", 1, 1000000)),
      Map.entry("seconds", new Range("recent", 1, 0xFFFFFFFFL)),
      Map.entry("hitcount", new Range("recent", 0, 0xFFFFFFFFL)),
      Map.entry("connlimit-upto", new Range("connlimit", 0, 0xFFFFFFFFL)),
      Map.entry("connlimit-above", new Range("connlimit", 0, 0xFFFFFFFFL)),
      Map.entry("ttl-eq", new Range("ttl", 0, 255)),
      Map.entry("ttl-lt", new Range("ttl", 0, 255)),
      Map.entry("ttl-gt", new Range("ttl", 0, 255)),
      Map.entry("set-mss", new Range("TCPMSS", 0, 65515)),
      Map.entry("length", new Range("length", 0, 65535)),
      Map.entry("ctexpire", new Range("conntrack", 0, 0xFFFFFFFFL)),
      Map.entry("hashlimit-htable-size", new Range("hashlimit", 0, 0xFFFFFFFFL)),
      Map.entry("hashlimit-htable-max", new Range("hashlimit", 0, 0xFFFFFFFFL)),
      Map.entry("hashlimit-htable-expire", new Range("hashlimit", 0, 0xFFFFFFFFL)),
      Map.entry("hashlimit-htable-gcinterval", new Range("hashlimit", 0, 0xFFFFFFFFL)),
      Map.entry("packets-eq", new Range("set", 0, UINT64_MAX)),
      Map.entry("packets-lt", new Range("set", 0, UINT64_MAX)),
      Map.entry("packets-gt", new Range("set", 0, UINT64_MAX)),
      Map.entry("bytes-eq", new Range("set", 0, UINT64_MAX)),
      Map.entry("bytes-lt", new Range("set", 0, UINT64_MAX)),
      Map.entry("bytes-gt", new Range("set", 0, UINT64_MAX)));

  static final Map<String, String> PROTOCOL_NUMBERS = Map.of(
      "1", "icmp", "6", "tcp", "17", "udp", "58", "icmpv6", "ipv6-icmp", "icmpv6", "132", "sctp", "33", "dccp", "136", "udplite");

  /**
   * Protocol names iptables knows itself (xtables' chain_protos), beside the official names of
   * /etc/protocols. iptables lower-cases what it is given before the lookup, so "TCP" and
   * "Ethernet" work while an upper-case alias such as "OSPFIGP" does not.
   */
  private static final Set<String> OWN_PROTOCOLS = Set.of("all", "icmpv6", "mh");

  static final List<String> STATES = List.of("INVALID", "ESTABLISHED", "NEW", "RELATED", "UNTRACKED");
  static final List<String> CTSTATES = List.of("INVALID", "ESTABLISHED", "NEW", "RELATED", "UNTRACKED", "SNAT", "DNAT");
  static final List<String> CTSTATUS = List.of("NONE", "EXPECTED", "SEEN_REPLY", "ASSURED", "CONFIRMED");
  static final List<String> TCP_FLAGS = List.of("SYN", "ACK", "FIN", "RST", "URG", "PSH", "ALL", "NONE");
  static final List<String> LOG_LEVELS = List.of("emerg", "alert", "crit", "error", "warning", "notice", "info", "debug", "panic");
  static final List<String> ADDRESS_TYPES = List.of("UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST",
      "MULTICAST", "BLACKHOLE", "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE");
  static final List<String> HASHLIMIT_MODES = List.of("srcip", "srcport", "dstip", "dstport");
  static final List<String> PKT_TYPES = List.of("unicast", "broadcast", "multicast", "host", "otherhost", "outgoing", "loopback");

  /** REJECT --reject-with types for IPv4, long and short spellings (libipt_REJECT). */
  static final List<String> REJECT_TYPES = List.of(
      "icmp-net-unreachable", "net-unreach", "icmp-host-unreachable", "host-unreach",
      "icmp-port-unreachable", "port-unreach", "icmp-proto-unreachable", "proto-unreach",
      "icmp-net-prohibited", "net-prohib", "icmp-host-prohibited", "host-prohib",
      "icmp-admin-prohibited", "admin-prohib", "tcp-reset", "tcp-rst");

  /** REJECT --reject-with types for IPv6 (libip6t_REJECT). */
  static final List<String> REJECT6_TYPES = List.of(
      "icmp6-no-route", "no-route", "icmp6-adm-prohibited", "adm-prohibited", "icmp6-addr-unreachable",
      "addr-unreach", "icmp6-port-unreachable", "port-unreach", "icmp6-policy-fail", "policy-fail",
      "icmp6-reject-route", "reject-route", "tcp-reset");

  /** ICMPv6 type names ip6tables knows (libip6t_icmp6). */
  static final Set<String> ICMPV6_TYPES = Set.of(
      "destination-unreachable", "no-route", "communication-prohibited", "beyond-scope", "address-unreachable",
      "port-unreachable", "failed-policy", "reject-route", "packet-too-big", "time-exceeded", "ttl-exceeded",
      "ttl-zero-during-transit", "ttl-zero-during-reassembly", "parameter-problem", "bad-header",
      "unknown-header-type", "unknown-option", "echo-request", "ping", "echo-reply", "pong",
      "router-solicitation", "router-advertisement", "neighbour-solicitation", "neighbor-solicitation",
      "neighbour-advertisement", "neighbor-advertisement", "redirect");

  /** ICMP type names iptables knows (libxt_icmp), each with its numeric type. */
  static final Map<String, Integer> ICMP_TYPES = icmpTypes();

  private static Map<String, Integer> icmpTypes() {
    Map<String, Integer> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    m.put("any", 255);
    m.put("echo-reply", 0);
    m.put("pong", 0);
    for (String s : List.of("destination-unreachable", "network-unreachable", "host-unreachable",
        "protocol-unreachable", "port-unreachable", "fragmentation-needed", "source-route-failed",
        "network-unknown", "host-unknown", "network-prohibited", "host-prohibited", "TOS-network-unreachable",
        "TOS-host-unreachable", "communication-prohibited", "host-precedence-violation", "precedence-cutoff")) {
      m.put(s, 3);
    }
    m.put("source-quench", 4);
    for (String s : List.of("redirect", "network-redirect", "host-redirect", "TOS-network-redirect", "TOS-host-redirect")) {
      m.put(s, 5);
    }
    m.put("echo-request", 8);
    m.put("ping", 8);
    m.put("router-advertisement", 9);
    m.put("router-solicitation", 10);
    for (String s : List.of("time-exceeded", "ttl-exceeded", "ttl-zero-during-transit", "ttl-zero-during-reassembly")) {
      m.put(s, 11);
    }
    for (String s : List.of("parameter-problem", "ip-header-bad", "required-option-missing")) {
      m.put(s, 12);
    }
    m.put("timestamp-request", 13);
    m.put("timestamp-reply", 14);
    m.put("address-mask-request", 17);
    m.put("address-mask-reply", 18);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Checks one argument (or the pair, for two-argument options); {@code null} means accepted. */
  static String check(ArgumentKind kind, String option, List<String> args, boolean ipv6) {
    String v = args.isEmpty() ? "" : args.get(0);
    return switch (kind) {
      case NONE, ANY, CHAIN_NAME -> null;
      case UINT -> number(v, option);
      case NUMBER_RANGE -> numberRange(v, option);
      case PORT -> port(v) >= 0 ? null : "invalid port/service `" + v + "' specified";
      case PORT_RANGE -> portRange(v, ":");
      case PORT_LIST -> portList(v);
      case ADDRESS -> addressList(v, ipv6);
      case STATES -> list(v.toUpperCase(Locale.ROOT), STATES, "Bad state \"%s\"");
      case CTSTATES -> list(v.toUpperCase(Locale.ROOT), CTSTATES, "Bad ctstate \"%s\"");
      case CTSTATUS -> list(v.toUpperCase(Locale.ROOT), CTSTATUS, "Bad ctstatus \"%s\"");
      case ICMP_TYPE -> icmpType(v);
      case ICMPV6_TYPE -> ICMPV6_TYPES.contains(v) || ICMP_NUMERIC.matcher(v).matches() ? null : "Unknown ICMPv6 type `" + v + "'";
      case TCP_FLAGS -> tcpFlags(args);
      case RATE -> rate(v, option);
      case MAC -> MAC.matcher(v).matches() ? null : "Bad mac address \"" + v + "\"";
      case IP_RANGE -> ipv6 ? ipRange6(v) : ipRange(v);
      case MARK -> mark(v, option);
      case OWNER_ID -> ownerId(v, option);
      case LOG_LEVEL -> logLevel(v);
      case REJECT_TYPE -> (ipv6 ? REJECT6_TYPES : REJECT_TYPES).contains(v) ? null : "unknown reject type \"" + v + "\"";
      case NAT_DESTINATION -> ipv6 ? natDestination6(v) : natDestination(v);
      case NAT_PORTS -> natPorts(v);
      case COMMENT -> v.length() > 255 ? "comment: Bad value for \"--comment\" option: longer than 255 characters" : null;
      case CT_DIRECTION -> v.equals("ORIGINAL") || v.equals("REPLY") ? null : "Unknown --ctdir \"" + v + "\"";
      case ADDRESS_TYPE -> list(v.toUpperCase(Locale.ROOT), ADDRESS_TYPES, "addrtype: Bad address type \"%s\"");
      case HASHLIMIT_MODE -> list(v, HASHLIMIT_MODES, "hashlimit: Bad value for \"--hashlimit-mode\" option: \"%s\"");
      case PROTOCOL -> protocol(v) == null ? "unknown protocol \"" + v + "\" specified" : null;
      case SET_FLAGS -> args.size() < 2 ? null : list(args.get(1).toLowerCase(Locale.ROOT), List.of("src", "dst"), "You must specify (the comma separated list of) 'src' or 'dst', not \"%s\"");
      case PREFIX_LENGTH -> prefixLength(v, option, ipv6);
      case PREFIX_OR_MASK -> prefixOrMask(v, option, ipv6);
      case LOG_PREFIX -> v.isEmpty() ? "Argument must have a minimum length of 1 characters" : null;
      case PKT_TYPE -> list(v.toLowerCase(Locale.ROOT), PKT_TYPES, "Bad packet type '%s'");
    };
  }

  static boolean isUnsigned(String v) {
    BigInteger n = unsigned(v);
    return n != null && n.compareTo(UINT32_MAX) <= 0;
  }

  /**
   * A number as strtoul(3) reads it with base 0 ({@code 0x1F} hex, {@code 017} octal, else
   * decimal), of any size, or {@code null} when the text is not wholly one.
   */
  static BigInteger unsigned(String v) {
    if (!NUMBER.matcher(v).matches()) {
      return null;
    }
    if (v.length() > 2 && (v.startsWith("0x") || v.startsWith("0X"))) {
      return new BigInteger(v.substring(2), 16);
    }
    if (v.length() > 1 && v.startsWith("0")) {
      return v.chars().allMatch(c -> c >= '0' && c <= '7') ? new BigInteger(v.substring(1), 8) : null;
    }
    return new BigInteger(v);
  }

  /** xtoptions.c: a number within the option's range. */
  private static String number(String v, String option) {
    Range r = RANGES.getOrDefault(option, new Range("", 0, 0xFFFFFFFFL));
    BigInteger n = unsigned(v);
    if (option.equals("tcp-option") || option.equals("dccp-option")) {
      return n != null && n.compareTo(BigInteger.valueOf(255)) <= 0 ? null
          : "Bad " + (option.startsWith("tcp") ? "TCP" : "DCCP") + " option \"" + v + "\"";
    }
    if (n == null || n.compareTo(BigInteger.valueOf(r.min())) < 0 || n.compareTo(r.max()) > 0) {
      return (r.extension().isEmpty() ? "" : r.extension() + ": ") + "bad value for option \"--" + option + "\", or out of range ("
          + r.min() + "-" + r.max() + ").";
    }
    return null;
  }

  /** {@code N} or {@code N:M} within the option's range (libxt_length, libxt_conntrack --ctexpire). */
  private static String numberRange(String v, String option) {
    Range r = RANGES.getOrDefault(option, new Range("", 0, 0xFFFFFFFFL));
    String[] ends = v.split(":", -1);
    if (ends.length > 2) {
      return r.extension() + ": bad value for option \"--" + option + "\" near \"" + v + "\", or out of range (" + r.min() + "-" + r.max() + ").";
    }
    for (String e : ends) {
      BigInteger n = e.isEmpty() && ends.length == 2 ? BigInteger.ZERO : !e.isEmpty() && e.chars().allMatch(Character::isDigit) ? new BigInteger(e) : null;
      if (n == null || n.compareTo(r.max()) > 0) {
        return r.extension() + ": bad value for option \"--" + option + "\" near \"" + e + "\", or out of range (" + r.min() + "-" + r.max() + ").";
      }
    }
    return null;
  }

  /**
   * libxt_connlimit's --connlimit-mask (XTTYPE_PLENMASK): a prefix length, or else a mask as an
   * address; for IPv4 that includes inet_aton's single number, so any 32-bit number passes.
   */
  private static String prefixOrMask(String v, String option, boolean ipv6) {
    BigInteger n = unsigned(v);
    boolean ok = ipv6 ? n != null && n.compareTo(BigInteger.valueOf(128)) <= 0 || isIpv6(v)
        : n != null && n.compareTo(UINT32_MAX) <= 0 || parseIpv4(v) >= 0;
    return ok ? null : "connlimit: bad value for option \"--" + option + "\", neither a valid network mask nor valid CIDR (0-" + (ipv6 ? 128 : 32) + ").";
  }

  /** A prefix length: up to 32 for IPv4 and 128 for IPv6; the kernel refuses a longer IPv4 mask. */
  private static String prefixLength(String v, String option, boolean ipv6) {
    BigInteger n = !v.isEmpty() && v.chars().allMatch(Character::isDigit) ? new BigInteger(v) : null;
    if (n == null || n.compareTo(BigInteger.valueOf(128)) > 0) {
      return "Bad value for --" + option + " \"" + v + "\"";
    }
    if (!ipv6 && n.compareTo(BigInteger.valueOf(32)) > 0) {
      return "--" + option + " " + v + " is longer than an IPv4 address (the kernel refuses the rule: Invalid argument)";
    }
    return null;
  }

  /** A port number or service name, -1 when neither. */
  static int port(String v) {
    if (v.chars().allMatch(Character::isDigit) && !v.isEmpty() && v.length() <= 5) {
      int p = Integer.parseInt(v);
      return p <= 65535 ? p : -1;
    }
    return ServicePorts.port(v);
  }


  static String portRange(String v, String separator) {
    if (v.equals("!")) {
      return "invalid port/service `!' specified";
    }
    int i = v.indexOf(separator);
    if (i < 0) {
      return port(v) >= 0 ? null : "invalid port/service `" + v + "' specified";
    }
    String lo = v.substring(0, i);
    String hi = v.substring(i + 1);
    int a = lo.isEmpty() ? 0 : port(lo);
    int b = hi.isEmpty() ? 65535 : port(hi);
    if (a < 0) {
      return "invalid port/service `" + lo + "' specified";
    }
    if (b < 0) {
      return "invalid port/service `" + hi + "' specified";
    }
    return a > b ? "invalid portrange (min > max)" : null;
  }

  private static String portList(String v) {
    String[] parts = v.split(",", -1);
    int count = 0;
    for (String p : parts) {
      String e = portRange(p, ":");
      if (e != null) {
        return e;
      }
      count += p.contains(":") ? 2 : 1;
    }
    // libxt_multiport: XT_MULTI_PORTS is 15; a range takes two slots
    return count > 15 ? "too many ports specified" : null;
  }

  static String addressList(String v, boolean ipv6) {
    for (String a : v.split(",", -1)) {
      String e = ipv6 ? address6(a) : address(a);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  /** One address, network or host name as {@code -s}/{@code -d} take it. */
  static String address(String v) {
    if (v.equals("!")) {
      return "Bad argument `!': write the ! before the option, as in `! -s 10.0.0.1'";
    }
    String host = v;
    int slash = v.indexOf('/');
    if (slash >= 0) {
      host = v.substring(0, slash);
      String mask = v.substring(slash + 1);
      if (mask.contains(".")) {
        if (parseIpv4(mask) < 0) {
          return "invalid mask `" + mask + "' specified";
        }
      } else if (!mask.chars().allMatch(Character::isDigit) || mask.isEmpty() || mask.length() > 3
          || Integer.parseInt(mask) > (host.contains(":") ? 128 : 32)) {
        return "invalid mask `" + mask + "' specified";
      }
    }
    if (host.isEmpty()) {
      return "host/network `' not found";
    }
    if (parseIpv4(host) >= 0) {
      return null;
    }
    if (host.contains(":")) {
      return "host/network `" + host + "' not found (an IPv6 address in an IPv4 rule)";
    }
    if (host.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
      // xtables_numeric_to_ipaddr takes one to four octets, left-aligned: "10/8" is 10.0.0.0/8
      return parsePartialIpv4(host) >= 0 ? null : "host/network `" + host + "' not found";
    }
    return HOSTNAME.matcher(host).matches() ? null : "host/network `" + host + "' not found";
  }

  /** One IPv6 address, network or host name as ip6tables' {@code -s}/{@code -d} take it. */
  static String address6(String v) {
    if (v.equals("!")) {
      return "Bad argument `!': write the ! before the option, as in `! -s ::1'";
    }
    String host = v;
    int slash = v.indexOf('/');
    if (slash >= 0) {
      host = v.substring(0, slash);
      String mask = v.substring(slash + 1);
      boolean ok = mask.contains(":") ? isIpv6(mask)
          : !mask.isEmpty() && mask.length() <= 3 && mask.chars().allMatch(Character::isDigit) && Integer.parseInt(mask) <= 128;
      if (!ok) {
        return "invalid mask `" + mask + "' specified";
      }
    }
    if (isIpv6(host)) {
      return null;
    }
    if (host.isEmpty() || host.contains(":") || parseIpv4(host) >= 0 || host.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
      return "host/network `" + host + "' not found";
    }
    return HOSTNAME.matcher(host).matches() ? null : "host/network `" + host + "' not found";
  }

  /** Whether the text is an IPv6 address in one of the forms of RFC 4291, section 2.2. */
  static boolean isIpv6(String v) {
    if (!v.contains(":") || !IPV6_CHARS.matcher(v).matches()) {
      return false;
    }
    String body = v;
    int groupsFromV4 = 0;
    int lastColon = v.lastIndexOf(':');
    if (v.substring(lastColon + 1).contains(".")) {
      if (parseIpv4(v.substring(lastColon + 1)) < 0) {
        return false;
      }
      body = v.substring(0, lastColon + 1) + "0";
      groupsFromV4 = 1;
    }
    int dbl = body.indexOf("::");
    if (dbl >= 0 && body.indexOf("::", dbl + 1) >= 0) {
      return false;
    }
    String[] parts = body.split(":", -1);
    int groups = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty()) {
        boolean partOfDouble = dbl >= 0;
        if (!partOfDouble) {
          return false;
        }
        continue;
      }
      if (p.length() > 4 || !HEX.matcher(p).matches()) {
        return false;
      }
      groups++;
    }
    groups += groupsFromV4;
    return dbl >= 0 ? groups <= 7 : groups == 8;
  }

  private static String natDestination6(String v) {
    String addr = v;
    String ports = null;
    if (v.startsWith("[")) {
      int close = v.indexOf(']');
      if (close < 0) {
        return "Invalid address format \"" + v + "\"";
      }
      addr = v.substring(1, close);
      String rest = v.substring(close + 1);
      if (rest.startsWith(":")) {
        ports = rest.substring(1);
      } else if (!rest.isEmpty()) {
        return "Invalid address format \"" + v + "\"";
      }
    }
    for (String a : addr.split("-", -1)) {
      if (!a.isEmpty() && !isIpv6(a)) {
        return "Bad IP address \"" + a + "\"";
      }
    }
    return ports == null ? null : natPorts(ports);
  }

  /** One to four dotted octets, missing ones zero ({@code 10.1} is 10.1.0.0); -1 when invalid. */
  static long parsePartialIpv4(String v) {
    String[] parts = v.split("\\.", -1);
    if (parts.length > 4) {
      return -1;
    }
    long r = 0;
    for (int i = 0; i < 4; i++) {
      int b = 0;
      if (i < parts.length) {
        if (parts[i].isEmpty() || parts[i].length() > 3) {
          return -1;
        }
        b = Integer.parseInt(parts[i]);
        if (b > 255) {
          return -1;
        }
      }
      r = (r << 8) | b;
    }
    return r;
  }

  /** The address as an unsigned 32-bit value, or -1 when it is not a dotted quad. */
  static long parseIpv4(String v) {
    java.util.regex.Matcher m = IPV4.matcher(v);
    if (!m.matches()) {
      return -1;
    }
    long r = 0;
    for (int i = 1; i <= 4; i++) {
      int b = Integer.parseInt(m.group(i));
      if (b > 255) {
        return -1;
      }
      r = (r << 8) | b;
    }
    return r;
  }

  private static String list(String v, List<String> allowed, String format) {
    for (String s : v.split(",", -1)) {
      if (!allowed.contains(s)) {
        return String.format(Locale.ROOT, format, s);
      }
    }
    return null;
  }

  private static String icmpType(String v) {
    if (ICMP_TYPES.containsKey(v.toLowerCase(Locale.ROOT))) {
      return null;
    }
    String[] p = v.split("/", -1);
    if (p.length <= 2 && isByte(p[0]) && (p.length == 1 || isByte(p[1]))) {
      return null;
    }
    return "Unknown ICMP type `" + v + "'";
  }

  private static boolean isByte(String s) {
    return !s.isEmpty() && s.length() <= 3 && s.chars().allMatch(Character::isDigit) && Integer.parseInt(s) <= 255;
  }

  private static String tcpFlags(List<String> args) {
    for (String a : args) {
      for (String f : a.split(",", -1)) {
        if (!TCP_FLAGS.contains(f.toUpperCase(Locale.ROOT))) {
          return "Unknown TCP flag `" + f + "'";
        }
      }
    }
    return null;
  }

  /**
   * A rate: libxt_limit's parse_rate reads the count with atoi (so it wraps at 32 bits) and
   * divides 10000 units per second by it; libxt_hashlimit's reads it with strtoull and divides
   * 1000000. A count too large for that division is "Rate too fast", never an overflow.
   */
  private static String rate(String v, String option) {
    boolean hashlimit = option.startsWith("hashlimit");
    if (hashlimit && HASHLIMIT_BYTES.matcher(v).matches()) {
      return null; // a byte rate such as 512kb/s: the kernel decides what it accepts
    }
    int slash = v.indexOf('/');
    long seconds = 1;
    if (slash >= 0) {
      String unit = v.substring(slash + 1).toLowerCase(Locale.ROOT);
      seconds = 0;
      // any prefix of second, minute, hour or day (strncasecmp over the unit's length)
      String[] names = {"second", "minute", "hour", "day"};
      long[] lengths = {1, 60, 3600, 86400};
      for (int i = 0; i < names.length && !unit.isEmpty(); i++) {
        if (names[i].startsWith(unit)) {
          seconds = lengths[i];
          break;
        }
      }
      if (seconds == 0) {
        return "bad rate \"" + v + "\"'";
      }
    }
    String count = slash < 0 ? v : v.substring(0, slash);
    if (count.isEmpty() || !count.chars().allMatch(Character::isDigit)) {
      return "bad rate \"" + v + "\"'";
    }
    BigInteger n = new BigInteger(count);
    BigInteger scale = BigInteger.valueOf(hashlimit ? 1_000_000L : 10_000L).multiply(BigInteger.valueOf(seconds));
    BigInteger divisor;
    if (hashlimit) {
      divisor = n.min(UINT64_MAX); // strtoull saturates
    } else {
      // atoi: strtol saturates at LONG_MAX, then the int keeps the low 32 bits, read back unsigned
      divisor = n.min(BigInteger.valueOf(Long.MAX_VALUE)).and(UINT32_MAX);
    }
    if (divisor.signum() == 0) {
      return "bad rate \"" + v + "\"'";
    }
    if (scale.divide(divisor).signum() == 0) {
      return "Rate too fast \"" + v + "\"";
    }
    return null;
  }

  private static String ipRange(String v) {
    String[] p = v.split("-", -1);
    if (p.length > 2 || parseIpv4(p[0]) < 0 || (p.length == 2 && parseIpv4(p[1]) < 0)) {
      return "iprange: Bad value for \"--src-range\" option: \"" + v + "\"";
    }
    return null;
  }

  private static String ipRange6(String v) {
    String[] p = v.split("-", -1);
    if (p.length > 2 || !isIpv6(p[0]) || (p.length == 2 && !isIpv6(p[1]))) {
      return "iprange: Bad value for \"--src-range\" option: \"" + v + "\"";
    }
    return null;
  }

  private static String mark(String v, String option) {
    String[] p = v.split("/", -1);
    if (p.length > 2 || !isUnsigned(p[0]) || (p.length == 2 && !isUnsigned(p[1]))) {
      return "bad integer value for option \"--" + option + "\", or out of range.";
    }
    return null;
  }

  private static String ownerId(String v, String option) {
    if (ID_RANGE.matcher(v).matches()) {
      // libxt_owner: ids up to 2^32 - 2, since -1 means "no id"
      BigInteger max = BigInteger.valueOf(0xFFFFFFFEL);
      for (String id : v.split("-")) {
        if (new BigInteger(id).compareTo(max) > 0) {
          return "owner: Bad value for \"--" + option + "\" option: \"" + v + "\"";
        }
      }
      return null;
    }
    // a user or group name is looked up on the host that runs iptables; opsbook cannot know it
    return ACCOUNT_NAME.matcher(v).matches() ? null : "owner: Bad value for \"--" + option + "\" option: \"" + v + "\"";
  }

  private static String logLevel(String v) {
    if ((v.length() == 1 && v.charAt(0) >= '0' && v.charAt(0) <= '7') || LOG_LEVELS.contains(v)) {
      return null;
    }
    return "log level \"" + v + "\" unknown";
  }

  /** {@code [ipaddr[-ipaddr]][:port[-port]]} of DNAT and SNAT. */
  private static String natDestination(String v) {
    String addr = v;
    String ports = null;
    int colon = v.lastIndexOf(':');
    if (colon >= 0 && v.indexOf(':') == colon) {
      addr = v.substring(0, colon);
      ports = v.substring(colon + 1);
    }
    if (!addr.isEmpty()) {
      String[] range = addr.split("-", -1);
      for (String a : range) {
        if (parseIpv4(a) < 0) {
          return "Bad IP address \"" + a + "\"";
        }
      }
      if (range.length > 2) {
        return "Bad IP address \"" + addr + "\"";
      }
    }
    if (ports != null) {
      return natPorts(ports);
    }
    return null;
  }

  private static String natPorts(String v) {
    if (v.contains(":")) {
      return "Invalid port:port syntax - use dash";
    }
    String[] p = v.split("-", -1);
    if (p.length > 2) {
      return "Port range `" + v + "' invalid";
    }
    for (String s : p) {
      if (!s.chars().allMatch(Character::isDigit) || s.isEmpty() || s.length() > 5 || Integer.parseInt(s) > 65535) {
        return "Port `" + s + "' not valid";
      }
    }
    if (p.length == 2 && Integer.parseInt(p[0]) > Integer.parseInt(p[1])) {
      return "Port range `" + v + "' invalid";
    }
    return null;
  }

  /** The canonical protocol name, a number as written, or {@code null} when unknown. */
  static String protocol(String v) {
    String lower = v.toLowerCase(Locale.ROOT);
    if (PROTOCOL_NUMBERS.containsKey(lower)) {
      return PROTOCOL_NUMBERS.get(lower);
    }
    if (lower.chars().allMatch(Character::isDigit) && !lower.isEmpty() && lower.length() <= 3 && Integer.parseInt(lower) <= 255) {
      return lower;
    }
    return OWN_PROTOCOLS.contains(lower) || IpProtocols.isProtocol(lower) ? lower : null;
  }

  /** Interface names: at most 15 characters (IFNAMSIZ less the NUL); {@code +} is a wildcard. */
  static String iface(String v) {
    if (v.length() > 15) {
      return "interface name `" + v + "' must be shorter than IFNAMSIZ (15)";
    }
    if (v.isEmpty()) {
      return "Empty interface is likely to be undesired";
    }
    return null;
  }
}
