package org.opsbook.checker.authkeys.syntax;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.opsbook.checker.authkeys.model.PublicKeyInfo;

/**
 * Decodes the base64 key blob of RFC 4253 section 6.6 (and the OpenSSH certificate and security-key
 * formats) far enough to know its type and size.
 */
final class KeyBlobDecoder {
  private KeyBlobDecoder() {}

  /** The decoded key, or a reason it does not decode. */
  record Decoded(Optional<PublicKeyInfo> key, String problem) {}

  static Decoded decode(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return new Decoded(Optional.empty(), "the key data is not valid base64");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    try {
      String type = new String(string(buf), StandardCharsets.ISO_8859_1);
      boolean cert = type.endsWith("-cert-v01@openssh.com");
      if (cert) {
        string(buf); // nonce
      }
      String plain = cert ? type.replace("-cert-v01@openssh.com", "") : type;
      int bits;
      switch (plain) {
        case "ssh-rsa" -> {
          string(buf); // e
          bits = new BigInteger(1, string(buf)).bitLength();
        }
        case "ssh-dss" -> {
          bits = new BigInteger(1, string(buf)).bitLength();
          string(buf);
          string(buf);
          string(buf);
        }
        case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
            "sk-ecdsa-sha2-nistp256@openssh.com" -> {
          String curve = new String(string(buf), StandardCharsets.ISO_8859_1);
          if (!plain.contains(curve)) {
            return new Decoded(Optional.empty(), "the key's curve " + curve + " does not match its type " + plain);
          }
          string(buf);
          bits = Integer.parseInt(curve.substring("nistp".length()));
          if (plain.startsWith("sk-")) {
            string(buf); // application
          }
        }
        case "ssh-ed25519", "sk-ssh-ed25519@openssh.com" -> {
          if (string(buf).length != 32) {
            return new Decoded(Optional.empty(), "an Ed25519 public key is 32 bytes");
          }
          bits = 256;
          if (plain.startsWith("sk-")) {
            string(buf);
          }
        }
        default -> {
          return new Decoded(Optional.empty(), "the key data holds an unknown key type \"" + type + "\"");
        }
      }
      if (!cert && buf.hasRemaining()) {
        return new Decoded(Optional.empty(), "the key data has trailing bytes");
      }
      return new Decoded(Optional.of(new PublicKeyInfo(type, bits, cert)), null);
    } catch (RuntimeException e) {
      return new Decoded(Optional.empty(), "the key data is truncated");
    }
  }

  private static byte[] string(ByteBuffer buf) {
    int len = buf.getInt();
    if (len < 0 || len > buf.remaining()) {
      throw new IndexOutOfBoundsException("length " + len);
    }
    byte[] out = new byte[len];
    buf.get(out);
    return out;
  }
}
