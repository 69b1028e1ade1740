package org.opsbook.checker.iptables.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;

/**
 * One line per command, match and target behaviour: the rule ID of the first error opsbook
 * reports, or {@code ok}. Each verdict was taken from iptables 1.8.9 in a network namespace; the
 * oracle test re-checks the same kind of cases against the installed iptables.
 */
class CommandCatalogueTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      iptables -A INPUT -i lo -j ACCEPT                                                    | ok
      iptables -I INPUT 1 -p tcp --dport 22 -j ACCEPT                                      | ok
      iptables -I INPUT 0 -j ACCEPT                                                        | iptables.bad-command
      iptables -I INPUT -p tcp 3 -j ACCEPT                                                 | iptables.bad-argument
      iptables -D INPUT 1                                                                  | iptables.bad-command
      iptables -R INPUT -j ACCEPT                                                          | iptables.missing-argument
      iptables -A INPUT -j ACCEPT -A OUTPUT                                                | iptables.bad-command
      iptables -F INPUT -p tcp                                                             | iptables.bad-command
      iptables -N INPUT                                                                    | iptables.bad-command
      iptables -X INPUT                                                                    | iptables.bad-command
      iptables -E NOPE NEW                                                                 | iptables.unknown-chain
      iptables -L -n -v --line-numbers                                                     | ok
      iptables -nvL INPUT                                                                  | ok
      iptables -P INPUT DROP                                                               | ok
      iptables -P INPUT REJECT                                                             | iptables.bad-policy
      iptables -P OUTPUT accept                                                            | iptables.bad-policy
      iptables -t nat -P PREROUTING DROP                                                   | iptables.bad-policy
      iptables -P FOO DROP                                                                 | iptables.bad-policy
      iptables -A FOO -j ACCEPT                                                            | iptables.unknown-chain
      iptables -t raw -A INPUT -j ACCEPT                                                   | iptables.unknown-chain
      iptables -A INPUT -j accept                                                          | iptables.unknown-chain
      iptables -A INPUT -j INPUT                                                           | iptables.unknown-chain
      iptables -t NAT -A PREROUTING -j ACCEPT                                              | iptables.bad-table
      iptables -A                                                                          | iptables.missing-argument
      iptables -A INPUT -j                                                                 | iptables.missing-argument
      iptables -A INPUT -s -j ACCEPT                                                       | iptables.missing-argument
      iptables -A INPUT ACCEPT                                                             | iptables.bad-argument
      iptables                                                                             | iptables.no-command
      iptables -A INPUT -s 10.0.0.0/33 -j ACCEPT                                           | iptables.bad-value
      iptables -A INPUT -s 0/0 -j ACCEPT                                                   | ok
      iptables -A INPUT -s 192.0.2.1,192.0.2.2 -j DROP                                     | ok
      iptables -A INPUT -s 300.1.1.1 -j ACCEPT                                             | iptables.bad-value
      iptables -A INPUT -i abcdefghijklmnop -j ACCEPT                                      | iptables.bad-value
      iptables -A INPUT -i eth+ -j ACCEPT                                                  | ok
      iptables -A OUTPUT -i eth0 -j ACCEPT                                                 | iptables.interface-direction
      iptables -A INPUT -o eth0 -j ACCEPT                                                  | iptables.interface-direction
      iptables -A INPUT -i eth0 -i eth1 -j DROP                                            | iptables.bad-argument
      iptables -A INPUT ! -s 10.0.0.1 -j ACCEPT                                            | ok
      iptables -A INPUT -s ! 10.0.0.1 -j ACCEPT                                            | iptables.missing-argument
      iptables -A INPUT -p tcp --dport ! 22 -j ACCEPT                                      | iptables.bad-negation
      iptables -A INPUT ! ! -s 10.0.0.1 -j ACCEPT                                          | iptables.bad-negation
      iptables -A INPUT ! -j ACCEPT                                                        | iptables.bad-negation
      iptables -A INPUT -p foo -j ACCEPT                                                   | iptables.bad-value
      iptables -A INPUT -p 6 --dport 22 -j ACCEPT                                          | ok
      iptables -A INPUT --dport 22 -j ACCEPT                                               | iptables.protocol-required
      iptables -A INPUT --dport 22 -p tcp -j ACCEPT                                        | iptables.protocol-required
      iptables -A INPUT -m tcp --dport 22 -j ACCEPT                                        | iptables.protocol-required
      iptables -A INPUT -m udp -p udp --dport 53 -j ACCEPT                                 | ok
      iptables -A INPUT -p udp --syn -j ACCEPT                                             | iptables.protocol-required
      iptables -A INPUT -p udplite --dport 9 -j ACCEPT                                     | iptables.protocol-required
      iptables -A INPUT -p tcp --dport 70000 -j ACCEPT                                     | iptables.bad-value
      iptables -A INPUT -p tcp --dport 30:20 -j ACCEPT                                     | iptables.bad-value
      iptables -A INPUT -p tcp --dport 22 --dport 23 -j ACCEPT                             | iptables.duplicate-option
      iptables -A INPUT -p tcp --dst-port 22 -j ACCEPT                                     | iptables.unknown-option
      iptables -A INPUT -p tcp --destination-port 22 -j ACCEPT                             | ok
      iptables -A INPUT -p tcp --syn --tcp-flags SYN SYN -j ACCEPT                         | iptables.conflicting-options
      iptables -A INPUT -p tcp --tcp-flags SYN,FOO SYN -j ACCEPT                           | iptables.bad-value
      iptables -A INPUT -p icmp --icmp-type echo-request -j ACCEPT                         | ok
      iptables -A INPUT -p icmp --icmp-type Echo-Request -j ACCEPT                         | ok
      iptables -A INPUT -p icmp --icmp-type foo -j ACCEPT                                  | iptables.bad-value
      iptables -A INPUT -m multiport --dports 1,2 -j ACCEPT                                | iptables.protocol-required
      iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16 -j ACCEPT | iptables.bad-value
      iptables -A INPUT -p tcp -m multiport --dports 22 --sports 1024:65535 -j ACCEPT      | iptables.conflicting-options
      iptables -A INPUT -p tcp -m multiport -j ACCEPT                                      | iptables.missing-option
      iptables -A INPUT -m state --state ESTABLISHED,FOO -j ACCEPT                         | iptables.bad-value
      iptables -A INPUT -m conntrack --ctstate established -j ACCEPT                       | ok
      iptables -A INPUT -m conntrack -j ACCEPT                                             | iptables.missing-option
      iptables -A INPUT -m comment --comment "a b" -j ACCEPT                               | ok
      iptables -A INPUT -m comment -j ACCEPT                                               | iptables.missing-option
      iptables -A INPUT -m limit --limit 5/fortnight -j ACCEPT                             | iptables.bad-value
      iptables -A INPUT -m limit --limit 3/m -j ACCEPT                                     | ok
      iptables -A INPUT -m recent --set --update                                           | iptables.conflicting-options
      iptables -A INPUT -m recent --name ssh --rcheck --seconds 60 -j DROP                 | ok
      iptables -A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 -j ACCEPT                 | ok
      iptables -A INPUT -m iprange -j ACCEPT                                               | iptables.missing-option
      iptables -A INPUT -m mac --mac-source 00:11:22:33:44:55 -j ACCEPT                    | ok
      iptables -A OUTPUT -m mac --mac-source 00:11:22:33:44:55 -j ACCEPT                   | iptables.match-placement
      iptables -A OUTPUT -m owner --uid-owner 0 -j ACCEPT                                  | ok
      iptables -A INPUT -m owner --uid-owner 0 -j ACCEPT                                   | iptables.match-placement
      iptables -A INPUT -m mark --mark 0x1/0xff -j ACCEPT                                  | ok
      iptables -A INPUT -m connlimit --connlimit-above 3 -j DROP                           | ok
      iptables -A INPUT -m connlimit -j DROP                                               | iptables.missing-option
      iptables -A INPUT -m hashlimit --hashlimit-upto 5/sec -j ACCEPT                      | iptables.missing-option
      iptables -A INPUT -m hashlimit --hashlimit-upto 5/sec --hashlimit-name x -j ACCEPT   | ok
      iptables -A INPUT -m foo -j ACCEPT                                                   | iptables.unknown-extension
      iptables -A INPUT -m time --timestart 09:00 -j ACCEPT                                | ok
      iptables -A INPUT -j NFLOG --nflog-group 5                                           | ok
      iptables -A INPUT -p tcp -j REJECT --reject-with tcp-reset                           | ok
      iptables -A INPUT -j REJECT --reject-with tcp-reset                                  | iptables.protocol-required
      iptables -A INPUT -p tcp -j REJECT --reject-with foo                                 | iptables.bad-value
      iptables -t mangle -A INPUT -j REJECT                                                | iptables.target-placement
      iptables -A INPUT -j LOG --log-level warn                                            | iptables.bad-value
      iptables -A INPUT -j LOG --log-prefix ''                                             | iptables.bad-value
      iptables -A INPUT -j DNAT --to-destination 10.0.0.5                                  | iptables.target-placement
      iptables -t nat -A INPUT -j DNAT --to-destination 10.0.0.5                           | iptables.target-placement
      iptables -t nat -A PREROUTING -j DNAT --to-destination 127.0.0.1:9040                | iptables.protocol-required
      iptables -t nat -A PREROUTING -p tcp -j DNAT                                         | iptables.missing-option
      iptables -t nat -A PREROUTING -p tcp -j DNAT --to 10.0.0.1:80                        | ok
      iptables -t nat -A PREROUTING -p tcp --to-ports 81                                   | iptables.option-without-target
      iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-port 8080                      | ok
      iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 9040:9050                | iptables.bad-value
      iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE                                 | ok
      iptables -t nat -A PREROUTING -j MASQUERADE                                          | iptables.target-placement
      iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE --to-ports 1000                 | iptables.protocol-required
      iptables -t nat -A INPUT -j SNAT --to-source 1.2.3.4                                 | ok
      iptables -t nat -A PREROUTING -j SNAT --to-source 1.2.3.4                            | iptables.target-placement
      iptables -t nat -A POSTROUTING -j DROP                                               | iptables.target-placement
      iptables -t raw -A PREROUTING -j CT --notrack                                        | ok
      iptables -A INPUT -j CT --notrack                                                    | iptables.target-placement
      iptables -t mangle -A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu | ok
      iptables -t mangle -A FORWARD -j TCPMSS --clamp-mss-to-pmtu                          | iptables.protocol-required
      iptables -t mangle -A PREROUTING -j MARK --set-mark 1                                | ok
      iptables -t mangle -A PREROUTING -j MARK                                             | iptables.missing-option
      iptables -t mangle -A PREROUTING -j CONNMARK --restore-mark                          | ok
      iptables -t mangle -A PREROUTING -j CONNMARK                                         | iptables.missing-option
      ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-request -j ACCEPT                    | ok
      ip6tables -A INPUT -p icmp --icmp-type echo-request -j ACCEPT                        | iptables.unknown-option
      ip6tables -A INPUT -s 10.0.0.1 -j ACCEPT                                             | iptables.bad-value
      ip6tables -A INPUT -p tcp -j REJECT --reject-with icmp-port-unreachable              | iptables.bad-value
      ip6tables -t nat -A PREROUTING -p tcp -j DNAT --to-destination [2001:db8::1]:80     | ok
      iptables -t nat -t filter -A INPUT -j ACCEPT                                         | ok
      iptables -n -n -L                                                                    | iptables.bad-argument
      iptables -L --line-numbers --line-numbers                                            | iptables.bad-argument
      iptables -v -v -L                                                                    | ok
      iptables -A INPUT -f -f -j DROP                                                      | iptables.bad-argument
      iptables -A INPUT -m comment --comment a -m comment --comment b -j ACCEPT            | ok
      iptables -A INPUT -p tcp --syn --syn -j ACCEPT                                       | iptables.duplicate-option
      iptables -A INPUT -p tcp --dport=22 -j ACCEPT                                        | ok
      iptables --table=nat --append=PREROUTING -p tcp -j REDIRECT --to-ports=8080          | ok
      iptables -A INPUT --source=192.0.2.1 -j DROP                                         | iptables.bad-value
      iptables -A INPUT -ptcp --dport 22 -j ACCEPT                                         | iptables.bad-value
      iptables -A INPUT -jACCEPT                                                           | iptables.unknown-chain
      iptables -A INPUT -p tcp --syn=1 -j DROP                                             | iptables.unknown-option
      iptables -FINPUT                                                                     | ok
      iptables -w5 -A INPUT -j ACCEPT                                                      | ok
      iptables -W 100 -L                                                                   | iptables.bad-argument
      iptables -A INPUT -j ACCPET                                                          | iptables.unknown-chain
      iptables -A INPUT -m limit --limit 99999999999999999999/s -j ACCEPT                  | iptables.bad-value
      iptables -A INPUT -m limit --limit 4294967296/s -j ACCEPT                            | iptables.bad-value
      iptables -A INPUT -m limit --limit 10001/s -j ACCEPT                                 | iptables.bad-value
      iptables -A INPUT -m limit --limit 10000/s -j ACCEPT                                 | ok
      iptables -A INPUT -m limit --limit 1000000/day -j ACCEPT                             | ok
      iptables -A INPUT -m limit --limit-burst 10001 -j ACCEPT                             | iptables.bad-value
      iptables -A INPUT -m hashlimit --hashlimit-upto 1000001/s --hashlimit-name x -j ACCEPT | iptables.bad-value
      iptables -A INPUT -m hashlimit --hashlimit-upto 1000000/s --hashlimit-name x -j ACCEPT | ok
      iptables -A INPUT -m hashlimit --hashlimit-upto 5/s --hashlimit-burst 4294967295 --hashlimit-name x -j ACCEPT | iptables.bad-value
      iptables -A INPUT -m connlimit --connlimit-above 4294967296 -j DROP                  | iptables.bad-value
      iptables -A INPUT -m connlimit --connlimit-above 2 --connlimit-mask 1000 -j DROP     | ok
      iptables -A INPUT -m connlimit --connlimit-above 2 --connlimit-mask 4294967296 -j DROP | iptables.bad-value
      iptables -A INPUT -m mark --mark 4294967296 -j ACCEPT                                | iptables.bad-value
      iptables -A INPUT -m ttl --ttl-eq 256 -j ACCEPT                                      | iptables.bad-value
      iptables -A INPUT -m length --length 1:99999999999 -j ACCEPT                         | iptables.bad-value
      iptables -A OUTPUT -m owner --uid-owner 4294967295 -j ACCEPT                         | iptables.bad-value
      iptables -A OUTPUT -m owner --uid-owner 4294967294 -j ACCEPT                         | ok
      iptables -I INPUT 99999999999 -j ACCEPT                                              | iptables.bad-command
      """)
  void reportsTheFirstErrorAsIptablesWould(String command, String expected) {
    String language = command.startsWith("ip6tables") ? "ip6tables" : "iptables";
    List<Diagnostic> errors = IptablesParser.parse(Snippet.ofFile(language, command + "\n", "t"), List.of())
        .diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(expected, errors.isEmpty() ? "ok" : errors.get(0).rule().value(), errors.toString());
  }
}
