/**
 * The executable model: a packet walks the netfilter hooks through the snippet's rules. The
 * routing decision uses the host's own addresses, taken from the snippet's {@code host=} attribute
 * ({@code host=10.0.0.1,192.168.1.1}) or, without it, inferred: a packet whose destination is
 * 127.0.0.0/8, the destination of a REDIRECT, or an address named in {@code -d} of an INPUT rule is
 * local; anything else is forwarded. Conntrack is not replayed: a packet's state is what the test
 * says, nat chains see only NEW packets, and an ESTABLISHED packet is not rewritten by the NAT of
 * its connection. Rate and history matches (limit, hashlimit, connlimit --connlimit-upto) are
 * assumed to match; recent --rcheck and --update are assumed to find no earlier packet.
 */
package org.opsbook.checker.iptables.sim;
