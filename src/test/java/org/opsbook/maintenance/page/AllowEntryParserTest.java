package org.opsbook.maintenance.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AllowEntryParserTest {

  @ParameterizedTest
  @CsvSource({
    "192.0.2.10, 192.0.2.10",
    "192.0.2.10/32, 192.0.2.10",
    "10.0.0.0/8, 10.0.0.0/8",
    "0.0.0.0/0, 0.0.0.0/0",
    "2001:db8::1, 2001:db8::1",
    "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
    "2001:db8:42::/48, 2001:db8:42::/48",
    "::1, ::1",
    "::ffff:192.0.2.1/128, ::ffff:c000:201",
    "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
  })
  void acceptsAddressesAndNetworksInCanonicalForm(String text, String canonical) {
    AllowEntryParser.Result result = AllowEntryParser.parse(text);
    assertTrue(result.entry().isPresent(), () -> result.problem());
    assertEquals(canonical, result.entry().get().cidr());
    assertFalse(result.hostBitsSet());
  }

  @ParameterizedTest
  @ValueSource(strings = {"256.1.1.1", "10.0.0", "10.0.0.0/33", "10.0.0.0/-1", "010.0.0.1", "2001:db8::1::2",
      "2001:db8:1:2:3:4:5:6:7", "gateway.example.org", "10.0.0.0/", "12345::", "", "::/129"})
  void rejectsWhatIsNotAnAddress(String text) {
    AllowEntryParser.Result result = AllowEntryParser.parse(text);
    assertTrue(result.entry().isEmpty(), () -> text + " was accepted as " + result.entry().get());
    assertFalse(result.problem().isBlank());
  }

  @ParameterizedTest
  @CsvSource({"10.1.2.3/8, 10.0.0.0/8", "192.0.2.77/24, 192.0.2.0/24", "2001:db8::1/32, 2001:db8::/32"})
  void clearsHostBitsAndSaysSo(String text, String network) {
    AllowEntryParser.Result result = AllowEntryParser.parse(text);
    assertTrue(result.hostBitsSet());
    assertEquals(network, result.entry().get().cidr());
  }
}
