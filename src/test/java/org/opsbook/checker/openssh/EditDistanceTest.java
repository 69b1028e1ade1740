package org.opsbook.checker.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

  @Test
  void countsInsertionsDeletionsAndSubstitutions() {
    assertEquals(0, EditDistance.between("port", "port"));
    assertEquals(1, EditDistance.between("permitrootlogn", "permitrootlogin"));
    assertEquals(1, EditDistance.between("ciphers", "cipher"));
    assertEquals(2, EditDistance.between("pubkeyauthentication", "pubkeyauthenticatoin"));
    assertEquals(4, EditDistance.between("", "port"));
  }
}
