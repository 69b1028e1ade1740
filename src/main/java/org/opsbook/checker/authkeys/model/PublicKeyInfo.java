package org.opsbook.checker.authkeys.model;

import java.util.Objects;

/**
 * What a decoded key blob says about itself.
 *
 * @param blobType the type string inside the blob
 * @param bits the key size in bits (RSA modulus, DSA prime, ECDSA curve, 256 for Ed25519)
 * @param certificate whether the blob is an OpenSSH certificate
 */
public record PublicKeyInfo(String blobType, int bits, boolean certificate) {
  public PublicKeyInfo {
    Objects.requireNonNull(blobType);
  }
}
