package org.opsbook.checker.sshclient.catalog;

import org.opsbook.checker.openssh.AlgorithmLists;
import java.util.List;
import java.util.Set;

/**
 * The algorithm names the OpenSSH 9.2 client knows (as {@code ssh -Q cipher|mac|kex|key-sig}
 * lists them), its default lists (ssh_config(5) and {@code ssh -G}), and which names published
 * hardening guidance calls weak.
 */
public final class Algorithms {
  private Algorithms() {}

  public static final List<String> CIPHERS = List.of(
      "3des-cbc", "aes128-cbc", "aes192-cbc", "aes256-cbc", "aes128-ctr", "aes192-ctr", "aes256-ctr",
      "aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "chacha20-poly1305@openssh.com");

  public static final List<String> MACS = List.of(
      "hmac-sha1", "hmac-sha1-96", "hmac-sha2-256", "hmac-sha2-512", "hmac-md5", "hmac-md5-96",
      "umac-64@openssh.com", "umac-128@openssh.com", "hmac-sha1-etm@openssh.com",
      "hmac-sha1-96-etm@openssh.com", "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com",
      "hmac-md5-etm@openssh.com", "hmac-md5-96-etm@openssh.com", "umac-64-etm@openssh.com",
      "umac-128-etm@openssh.com");

  public static final List<String> KEX = List.of(
      "diffie-hellman-group1-sha1", "diffie-hellman-group14-sha1", "diffie-hellman-group14-sha256",
      "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512",
      "diffie-hellman-group-exchange-sha1", "diffie-hellman-group-exchange-sha256",
      "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "curve25519-sha256",
      "curve25519-sha256@libssh.org", "sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com");

  /** Key and signature algorithm names, as sshkey_type_from_name accepts them. */
  public static final List<String> KEY_ALGORITHMS = List.of(
      "ssh-ed25519", "ssh-ed25519-cert-v01@openssh.com", "sk-ssh-ed25519@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
      "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
      "ssh-dss", "ssh-dss-cert-v01@openssh.com", "ssh-rsa", "ssh-rsa-cert-v01@openssh.com",
      "rsa-sha2-256", "rsa-sha2-256-cert-v01@openssh.com", "rsa-sha2-512",
      "rsa-sha2-512-cert-v01@openssh.com");

  public static final String DEFAULT_CIPHERS =
      "chacha20-poly1305@openssh.com,aes128-ctr,aes192-ctr,aes256-ctr,aes128-gcm@openssh.com,aes256-gcm@openssh.com";
  public static final String DEFAULT_MACS =
      "umac-64-etm@openssh.com,umac-128-etm@openssh.com,hmac-sha2-256-etm@openssh.com,"
          + "hmac-sha2-512-etm@openssh.com,hmac-sha1-etm@openssh.com,umac-64@openssh.com,"
          + "umac-128@openssh.com,hmac-sha2-256,hmac-sha2-512,hmac-sha1";
  public static final String DEFAULT_KEX =
      "sntrup761x25519-sha512,sntrup761x25519-sha512@openssh.com,curve25519-sha256,"
          + "curve25519-sha256@libssh.org,ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521,"
          + "diffie-hellman-group-exchange-sha256,diffie-hellman-group16-sha512,"
          + "diffie-hellman-group18-sha512,diffie-hellman-group14-sha256";
  public static final String DEFAULT_KEYS =
      "ssh-ed25519-cert-v01@openssh.com,ecdsa-sha2-nistp256-cert-v01@openssh.com,"
          + "ecdsa-sha2-nistp384-cert-v01@openssh.com,ecdsa-sha2-nistp521-cert-v01@openssh.com,"
          + "sk-ssh-ed25519-cert-v01@openssh.com,sk-ecdsa-sha2-nistp256-cert-v01@openssh.com,"
          + "rsa-sha2-512-cert-v01@openssh.com,rsa-sha2-256-cert-v01@openssh.com,ssh-ed25519,"
          + "ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,sk-ssh-ed25519@openssh.com,"
          + "sk-ecdsa-sha2-nistp256@openssh.com,rsa-sha2-512,rsa-sha2-256";
  public static final String DEFAULT_CA_SIGNATURES =
      "ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,"
          + "sk-ssh-ed25519@openssh.com,sk-ecdsa-sha2-nistp256@openssh.com,rsa-sha2-512,rsa-sha2-256";

  /** Signature algorithms (for CASignatureAlgorithms' "all" list): no certificate names. */
  public static final List<String> SIGNATURES = List.of(
      "ssh-ed25519", "sk-ssh-ed25519@openssh.com", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521", "sk-ecdsa-sha2-nistp256@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256@openssh.com", "ssh-dss", "ssh-rsa", "rsa-sha2-256",
      "rsa-sha2-512");

  /**
   * Weak names: CBC-mode and 3DES ciphers, MD5 and truncated MACs, SHA-1 key exchange, DSA and
   * SHA-1 RSA signatures (Mozilla OpenSSH guidelines; OpenSSH release notes 7.0, 8.2, 8.8).
   */
  public static final Set<String> WEAK = Set.of(
      "3des-cbc", "aes128-cbc", "aes192-cbc", "aes256-cbc",
      "hmac-md5", "hmac-md5-96", "hmac-md5-etm@openssh.com", "hmac-md5-96-etm@openssh.com",
      "hmac-sha1-96", "hmac-sha1-96-etm@openssh.com",
      "diffie-hellman-group1-sha1", "diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1",
      "ssh-dss", "ssh-dss-cert-v01@openssh.com", "ssh-rsa", "ssh-rsa-cert-v01@openssh.com");

  /**
   * kex.c kex_assemble_names: {@code +} appends to the defaults, {@code ^} puts names first,
   * {@code -} removes by pattern, a plain list replaces them; names and patterns are matched
   * against every supported algorithm. Returns {@code null} where ssh fails with "invalid
   * argument": a {@code !} name, or a list that keeps nothing (except after {@code -}).
   */
  public static String assemble(String configured, String defaults, List<String> all) {
    // ssh -G prints an assembled list comma-joined; an empty Optional is ssh's "invalid argument".
    return AlgorithmLists.assemble(configured, List.of(defaults.split(",")), all)
        .map(names -> String.join(",", names))
        .orElse(null);
  }

  public static boolean isWeak(String name) {
    return WEAK.contains(name);
  }
}
