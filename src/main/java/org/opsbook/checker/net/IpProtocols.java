package org.opsbook.checker.net;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * IP protocol names and numbers as getprotobyname(3) finds them in /etc/protocols (Debian 12's
 * netbase 6.4): the official name of each line and its number. Aliases written in upper case in
 * that file ({@code TCP}, {@code OSPFIGP}) are left out, since the programs that use this table
 * look names up after lower-casing them.
 */
public final class IpProtocols {
  private IpProtocols() {}

  // netbase 6.4, /etc/protocols: "name number alias" lines
  private static final String TABLE =
      "ip=0 hopopt=0 icmp=1 igmp=2 ggp=3 ipencap=4 st=5 tcp=6 egp=8 igp=9 pup=12 udp=17 hmp=20 xns-idp=22 "
      + "rdp=27 iso-tp4=29 dccp=33 xtp=36 ddp=37 idpr-cmtp=38 ipv6=41 ipv6-route=43 ipv6-frag=44 idrp=45 "
      + "rsvp=46 gre=47 esp=50 ah=51 skip=57 ipv6-icmp=58 ipv6-nonxt=59 ipv6-opts=60 rspf=73 vmtp=81 eigrp=88 "
      + "ospf=89 ax.25=93 ipip=94 etherip=97 encap=98 pim=103 ipcomp=108 vrrp=112 l2tp=115 isis=124 sctp=132 "
      + "fc=133 mobility-header=135 udplite=136 mpls-in-ip=137 manet=138 hip=139 shim6=140 wesp=141 rohc=142 "
      + "ethernet=143 mptcp=262";

  private static final Map<String, Integer> NUMBERS = parse();

  /** The protocol number of a name in /etc/protocols, compared in lower case. */
  public static OptionalInt number(String name) {
    Integer n = NUMBERS.get(name.toLowerCase(Locale.ROOT));
    return n == null ? OptionalInt.empty() : OptionalInt.of(n);
  }

  /** Whether /etc/protocols has the name (compared in lower case). */
  public static boolean isProtocol(String name) {
    return NUMBERS.containsKey(name.toLowerCase(Locale.ROOT));
  }

  private static Map<String, Integer> parse() {
    Map<String, Integer> m = new TreeMap<>();
    for (String entry : TABLE.split(" ")) {
      int eq = entry.indexOf('=');
      m.put(entry.substring(0, eq), Integer.parseInt(entry.substring(eq + 1)));
    }
    return Collections.unmodifiableMap(m);
  }
}
