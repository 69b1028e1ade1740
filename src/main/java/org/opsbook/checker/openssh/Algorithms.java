package org.opsbook.checker.openssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The algorithm names OpenSSH 9.2 knows (Debian 12's build, OpenSSL enabled), as {@code ssh -Q
 * cipher|mac|kex|key|sig} lists them, and the default lists that {@code sshd -T} and {@code ssh -G}
 * print; sshd and ssh share them. Order matters: wildcards expand in the order of the full lists,
 * and {@code +}, {@code -} and {@code ^} apply to the defaults. Other releases differ only where
 * {@link #ciphers}, {@link #kex} and {@link #keyAlgorithms} say.
 */
public final class Algorithms {
  private Algorithms() {}

  public static final List<String> CIPHERS = List.of(
      "3des-cbc", "aes128-cbc", "aes192-cbc", "aes256-cbc", "aes128-ctr", "aes192-ctr", "aes256-ctr",
      "aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "chacha20-poly1305@openssh.com");

  public static final List<String> DEFAULT_CIPHERS = List.of(
      "chacha20-poly1305@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr",
      "aes128-gcm@openssh.com", "aes256-gcm@openssh.com");

  public static final List<String> MACS = List.of(
      "hmac-sha1", "hmac-sha1-96", "hmac-sha2-256", "hmac-sha2-512", "hmac-md5", "hmac-md5-96",
      "umac-64@openssh.com", "umac-128@openssh.com", "hmac-sha1-etm@openssh.com",
      "hmac-sha1-96-etm@openssh.com", "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com",
      "hmac-md5-etm@openssh.com", "hmac-md5-96-etm@openssh.com", "umac-64-etm@openssh.com",
      "umac-128-etm@openssh.com");

  public static final List<String> DEFAULT_MACS = List.of(
      "umac-64-etm@openssh.com", "umac-128-etm@openssh.com", "hmac-sha2-256-etm@openssh.com",
      "hmac-sha2-512-etm@openssh.com", "hmac-sha1-etm@openssh.com", "umac-64@openssh.com",
      "umac-128@openssh.com", "hmac-sha2-256", "hmac-sha2-512", "hmac-sha1");

  public static final List<String> KEX = List.of(
      "diffie-hellman-group1-sha1", "diffie-hellman-group14-sha1", "diffie-hellman-group14-sha256",
      "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512",
      "diffie-hellman-group-exchange-sha1", "diffie-hellman-group-exchange-sha256",
      "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "curve25519-sha256",
      "curve25519-sha256@libssh.org", "sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com");

  public static final List<String> DEFAULT_KEX = List.of(
      "sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com", "curve25519-sha256",
      "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521",
      "diffie-hellman-group-exchange-sha256", "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256");

  /** Key and signature algorithm names, certificates included (sshkey.c keyimpls). */
  public static final List<String> KEY_ALGORITHMS = List.of(
      "ssh-ed25519", "ssh-ed25519-cert-v01@openssh.com", "sk-ssh-ed25519@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
      "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
      "ssh-dss", "ssh-dss-cert-v01@openssh.com", "ssh-rsa", "ssh-rsa-cert-v01@openssh.com",
      "rsa-sha2-256", "rsa-sha2-256-cert-v01@openssh.com", "rsa-sha2-512", "rsa-sha2-512-cert-v01@openssh.com");

  public static final List<String> DEFAULT_KEY_ALGORITHMS = List.of(
      "ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com", "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "rsa-sha2-512-cert-v01@openssh.com", "rsa-sha2-256-cert-v01@openssh.com", "ssh-ed25519",
      "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
      "sk-ecdsa-sha2-nistp256@openssh.com", "rsa-sha2-512", "rsa-sha2-256");

  /** Signature algorithms only: CASignatureAlgorithms draws from these. */
  public static final List<String> SIGNATURE_ALGORITHMS = List.of(
      "ssh-ed25519", "sk-ssh-ed25519@openssh.com", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521", "sk-ecdsa-sha2-nistp256@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256@openssh.com", "ssh-dss", "ssh-rsa", "rsa-sha2-256", "rsa-sha2-512");

  public static final List<String> DEFAULT_CA_SIGNATURE_ALGORITHMS = List.of(
      "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
      "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com", "rsa-sha2-512", "rsa-sha2-256");

  /** Debian's GSSAPI key exchange patch: name prefixes, completed by the mechanism's OID hash. */
  public static final List<String> GSSAPI_KEX = List.of(
      "gss-gex-sha1-", "gss-group1-sha1-", "gss-group14-sha1-", "gss-group14-sha256-",
      "gss-group16-sha512-", "gss-nistp256-sha256-", "gss-curve25519-sha256-");

  public static final List<String> DEFAULT_GSSAPI_KEX = List.of(
      "gss-group14-sha256-", "gss-group16-sha512-", "gss-nistp256-sha256-", "gss-curve25519-sha256-",
      "gss-group14-sha1-", "gss-gex-sha1-");

  /**
   * Names published guidance rates weak: CBC-mode and 3DES ciphers, MD5 and truncated MACs, SHA-1
   * key exchange, DSA and SHA-1 RSA signatures (Mozilla's OpenSSH guidelines; OpenSSH release notes
   * 7.0, 8.2 and 8.8).
   */
  public static final Set<String> WEAK = Set.of(
      "3des-cbc", "aes128-cbc", "aes192-cbc", "aes256-cbc",
      "hmac-md5", "hmac-md5-96", "hmac-md5-etm@openssh.com", "hmac-md5-96-etm@openssh.com",
      "hmac-sha1-96", "hmac-sha1-96-etm@openssh.com",
      "diffie-hellman-group1-sha1", "diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1",
      "ssh-dss", "ssh-dss-cert-v01@openssh.com", "ssh-rsa", "ssh-rsa-cert-v01@openssh.com");

  /** Ciphers that releases before 7.6 still accepted (cipher.c). */
  private static final List<String> CIPHERS_BEFORE_7_6 = List.of(
      "arcfour", "arcfour128", "arcfour256", "blowfish-cbc", "cast128-cbc");

  private static final OpensshVersion V7_6 = OpensshVersion.of(7, 6);
  private static final OpensshVersion V9_9 = OpensshVersion.of(9, 9);
  private static final OpensshVersion V10_0 = OpensshVersion.of(10, 0);

  /** Cipher names a release accepts: 9.2's, plus those removed in 7.6 for older releases. */
  public static List<String> ciphers(OpensshVersion release) {
    return release.isBefore(V7_6) ? concat(CIPHERS, CIPHERS_BEFORE_7_6) : CIPHERS;
  }

  /** Key exchange names a release accepts: 9.9 added mlkem768x25519-sha256. */
  public static List<String> kex(OpensshVersion release) {
    return release.isBefore(V9_9) ? KEX : concat(KEX, List.of("mlkem768x25519-sha256"));
  }

  /** Key algorithm names a release accepts: 10.0 removed DSA. */
  public static List<String> keyAlgorithms(OpensshVersion release) {
    if (release.isBefore(V10_0)) {
      return KEY_ALGORITHMS;
    }
    return KEY_ALGORITHMS.stream().filter(a -> !a.startsWith("ssh-dss")).toList();
  }

  public static boolean isWeak(String name) {
    return WEAK.contains(name);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }
}
