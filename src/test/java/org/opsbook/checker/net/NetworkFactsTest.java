package org.opsbook.checker.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class NetworkFactsTest {
  @Test
  void resolvesServiceNamesAsDebiansEtcServicesDoes() {
    assertEquals(22, ServicePorts.port("ssh"));
    assertEquals(443, ServicePorts.port("https"));
    assertEquals(5432, ServicePorts.port("postgresql"));
    assertEquals(-1, ServicePorts.port("SSH"));
    assertEquals(-1, ServicePorts.port("no-such-service"));
    assertTrue(ServicePorts.isService("submission"));
  }

  @Test
  void resolvesProtocolNamesInLowerCaseToTheirNumbers() {
    assertEquals(OptionalInt.of(6), IpProtocols.number("TCP"));
    assertEquals(OptionalInt.of(58), IpProtocols.number("ipv6-icmp"));
    assertEquals(OptionalInt.of(143), IpProtocols.number("Ethernet"));
    assertFalse(IpProtocols.isProtocol("icmpv6"));
    assertFalse(IpProtocols.isProtocol("OSPFIGP"));
  }
}
