package org.opsbook.checker.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressesTest {

  private static String read(String text) {
    return Addresses.parse(text).map(Addresses::format).orElse("-");
  }

  @Test
  void readsIpv4InEveryInetAtonForm() {
    assertEquals("10.0.0.1", read("10.1"));
    assertEquals("0.0.8.174", read("2222"));
    assertEquals("127.0.0.1", read("0x7f.1"));
    assertEquals("10.0.0.1", read("012.0.0.1"));
    assertEquals("-", read("09.1.1.1"), "8 and 9 are no octal digits");
    assertEquals("-", read("256.1.1.1"));
    assertEquals("-", read("1.2.3.4.5"));
    assertEquals("-", read("1.2.3."));
  }

  @Test
  void printsIpv6AsInetNtopDoes() {
    assertEquals("2001:db8::a", read("2001:DB8:0:0:0:0:0:A"));
    assertEquals("::ffff:192.0.2.10", read("::ffff:c000:20a"));
    assertEquals("::192.0.2.10", read("::192.0.2.10"));
    assertEquals("::1", read("::1"));
    assertEquals("-", read("::ffff:010.0.0.1"), "a dotted tail is strict: no leading zeros");
    assertEquals("-", read("1::2::3"));
  }

  @Test
  void addressListsMatchNetworksAndPatternsAndRefuseHostBits() {
    assertEquals(1, Addresses.matchList("10.1.2.3", "192.0.2.0/24,10.0.0.0/8"));
    assertEquals(-1, Addresses.matchList("10.1.2.3", "10.0.0.0/8,!10.1.0.0/16"));
    assertEquals(1, Addresses.matchList("10.1.2.3", "10.1.*"));
    assertEquals(-2, Addresses.matchList("10.1.2.3", "192.0.2.1/24"));
    assertEquals(-2, Addresses.matchList(null, "10/8"), "10 is 0.0.0.10: host bits below /8");
    assertEquals(0, Addresses.matchList("10.0.0.1", "::ffff:10.0.0.1"), "an IPv4-mapped address stays IPv6");
    assertEquals(0, Addresses.matchList("not-an-address", "192.0.2.1/24"), "an unreadable address matches nothing");
  }

  @Test
  void fromOptionsAdmitByAddressOrLowerCasedName() {
    assertEquals(1, Addresses.matchHostAndIp("CI.Example.org", "192.0.2.7", "*.example.org"));
    assertEquals(0, Addresses.matchHostAndIp("ci.example.org", "192.0.2.7", "*.example.org,!192.0.2.0/24"));
    assertEquals(-1, Addresses.matchHostAndIp("ci.example.org", "192.0.2.7", "192.0.2.10/24"));
    assertTrue(Addresses.parseCidr("x".repeat(70)).kind() == Addresses.CidrKind.NOT_AN_ADDRESS);
  }
}
