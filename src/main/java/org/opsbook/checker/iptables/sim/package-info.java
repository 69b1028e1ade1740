/**
 * The executable model: a packet walks the netfilter hooks through the snippet's rules. The
 * routing decision uses the host's own addresses, taken from the snippet's {@code host=} attribute
 * ({@code host=10.0.0.1,192.168.1.1}, or {@code host=eth0:203.0.113.2,eth1:10.0.0.1} to say which
 * interface has which address, as REDIRECT and MASQUERADE need) or, without it, inferred from the
 * rules: the single addresses named in {@code -d} of filter INPUT rules and in SNAT's
 * {@code --to-source}. 127.0.0.0/8 is always local; a packet to any other address is forwarded.
 * A packet without {@code in=} is sent by the host itself and takes the OUTPUT path.
 *
 * <p>Conntrack is not replayed: a packet's state is what the test says (NEW by default). nat
 * chains decide for NEW packets; an ESTABLISHED packet gets the rewrite its connection's first
 * packet would have got, on the assumption that it travels in the original direction. Rate and
 * history matches (limit, hashlimit, connlimit --connlimit-upto) are assumed to match; recent
 * --rcheck and --update are assumed to find no earlier packet. DNAT to 127.0.0.0/8 of a packet
 * that arrived on another interface is dropped as martian unless the article sets
 * {@code route_localnet=1}.
 */
package org.opsbook.checker.iptables.sim;
