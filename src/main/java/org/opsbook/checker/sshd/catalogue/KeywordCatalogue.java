package org.opsbook.checker.sshd.catalogue;

import org.opsbook.checker.openssh.KeywordStatus;

import org.opsbook.checker.openssh.OpensshVersion;

import org.opsbook.check.Suggestion;
import static org.opsbook.checker.sshd.catalogue.ArgKind.*;
import static org.opsbook.checker.sshd.catalogue.Multiplicity.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every keyword sshd's configuration parser has known, with the release it appeared in and, for
 * retired ones, the release that retired it. The facts come from the keyword table in OpenSSH's
 * servconf.c across the portable releases, from sshd_config(5), and for the few Debian additions
 * from Debian 12's sshd. Immutable; safe to share.
 */
public final class KeywordCatalogue {

  private static final boolean IN_MATCH = true;
  private static final boolean GLOBAL = false;

  private static final Map<String, Keyword> BY_LOWER_NAME;

  static {
    List<Keyword> all = new ArrayList<>();
    // Authentication.
    all.add(k("PermitRootLogin", PERMIT_ROOT_LOGIN, IN_MATCH, "3.0"));
    all.add(k("PasswordAuthentication", FLAG, IN_MATCH, "3.0"));
    all.add(k("PermitEmptyPasswords", FLAG, IN_MATCH, "3.0"));
    all.add(k("KbdInteractiveAuthentication", FLAG, IN_MATCH, "3.0"));
    all.add(alias("ChallengeResponseAuthentication", "KbdInteractiveAuthentication", FLAG, IN_MATCH, "3.0"));
    all.add(alias("SkeyAuthentication", "KbdInteractiveAuthentication", FLAG, IN_MATCH, "3.0"));
    all.add(k("PubkeyAuthentication", FLAG, IN_MATCH, "3.0"));
    all.add(alias("DSAAuthentication", "PubkeyAuthentication", FLAG, GLOBAL, "3.0"));
    all.add(k("PubkeyAcceptedAlgorithms", KEY_ALGORITHMS, IN_MATCH, "8.5"));
    all.add(alias("PubkeyAcceptedKeyTypes", "PubkeyAcceptedAlgorithms", KEY_ALGORITHMS, IN_MATCH, "6.8"));
    all.add(k("PubkeyAuthOptions", PUBKEY_AUTH_OPTIONS, IN_MATCH, "8.2"));
    all.add(k("HostbasedAuthentication", FLAG, IN_MATCH, "3.0"));
    all.add(k("HostbasedUsesNameFromPacketOnly", FLAG, IN_MATCH, "3.0"));
    all.add(k("HostbasedAcceptedAlgorithms", KEY_ALGORITHMS, IN_MATCH, "8.5"));
    all.add(alias("HostbasedAcceptedKeyTypes", "HostbasedAcceptedAlgorithms", KEY_ALGORITHMS, IN_MATCH, "6.8"));
    all.add(k("IgnoreRhosts", IGNORE_RHOSTS, IN_MATCH, "3.0"));
    all.add(k("IgnoreUserKnownHosts", FLAG, GLOBAL, "3.0"));
    all.add(k("AuthenticationMethods", AUTHENTICATION_METHODS, IN_MATCH, "6.2"));
    all.add(k("MaxAuthTries", INTEGER, IN_MATCH, "3.9"));
    all.add(k("LoginGraceTime", TIME, GLOBAL, "3.0"));
    all.add(k("UsePAM", FLAG, GLOBAL, "3.7"));
    all.add(k("KerberosAuthentication", FLAG, IN_MATCH, "3.0"));
    all.add(k("KerberosOrLocalPasswd", FLAG, GLOBAL, "3.0"));
    all.add(k("KerberosTicketCleanup", FLAG, GLOBAL, "3.0"));
    all.add(k("GSSAPIAuthentication", FLAG, IN_MATCH, "3.7"));
    all.add(k("GSSAPICleanupCredentials", FLAG, GLOBAL, "3.8"));
    all.add(k("GSSAPIStrictAcceptorCheck", FLAG, GLOBAL, "6.9"));
    all.add(debian("GSSAPIKeyExchange", FLAG));
    all.add(debian("GSSAPIStoreCredentialsOnRekey", FLAG));
    all.add(debian("GSSAPIKexAlgorithms", GSSAPI_KEX_ALGORITHMS));
    all.add(new Keyword("GSSAPICleanupCreds", FLAG, GLOBAL, KeywordStatus.ALIAS, v("3.7"), null,
        "GSSAPICleanupCredentials", FIRST_WINS, null, "Debian"));
    all.add(k("TrustedUserCAKeys", PATH, IN_MATCH, "5.4"));
    all.add(k("RevokedKeys", PATH, IN_MATCH, "5.4"));
    all.add(k("CASignatureAlgorithms", KEY_ALGORITHMS, IN_MATCH, "7.9"));
    all.add(k("RequiredRSASize", INTEGER, IN_MATCH, "9.1"));
    all.add(k("AuthorizedKeysFile", PATHS, IN_MATCH, "3.0"));
    all.add(k("AuthorizedKeysCommand", COMMAND, IN_MATCH, "6.2"));
    all.add(k("AuthorizedKeysCommandUser", WORD, IN_MATCH, "6.2"));
    all.add(k("AuthorizedPrincipalsFile", WORD, IN_MATCH, "5.6"));
    all.add(k("AuthorizedPrincipalsCommand", COMMAND, IN_MATCH, "6.9"));
    all.add(k("AuthorizedPrincipalsCommandUser", WORD, IN_MATCH, "6.9"));
    all.add(k("SecurityKeyProvider", WORD, GLOBAL, "8.2"));
    all.add(k("ExposeAuthInfo", FLAG, IN_MATCH, "7.6"));
    // Access lists accumulate: every line adds patterns.
    all.add(acc("AllowUsers", USER_PATTERNS, IN_MATCH, "3.0"));
    all.add(acc("DenyUsers", USER_PATTERNS, IN_MATCH, "3.0"));
    all.add(acc("AllowGroups", GROUP_PATTERNS, IN_MATCH, "3.0"));
    all.add(acc("DenyGroups", GROUP_PATTERNS, IN_MATCH, "3.0"));
    // Network.
    all.add(acc("Port", PORT, GLOBAL, "3.0"));
    all.add(acc("ListenAddress", LISTEN_ADDRESS, GLOBAL, "3.0"));
    all.add(k("AddressFamily", ADDRESS_FAMILY, GLOBAL, "4.0"));
    all.add(k("RDomain", ROUTING_DOMAIN, IN_MATCH, "7.7", KeywordStatus.PLATFORM_UNSUPPORTED));
    all.add(k("UseDNS", FLAG, GLOBAL, "3.7"));
    all.add(k("TCPKeepAlive", FLAG, GLOBAL, "3.8"));
    all.add(alias("KeepAlive", "TCPKeepAlive", FLAG, GLOBAL, "3.0"));
    all.add(k("ClientAliveInterval", TIME, IN_MATCH, "3.0"));
    all.add(k("ClientAliveCountMax", INTEGER, IN_MATCH, "3.0"));
    all.add(k("IPQoS", IPQOS, IN_MATCH, "5.7", LAST_WINS));
    all.add(k("MaxStartups", MAX_STARTUPS, GLOBAL, "3.0", LAST_WINS));
    all.add(k("PerSourceMaxStartups", PER_SOURCE_MAX_STARTUPS, GLOBAL, "8.5", LAST_WINS));
    all.add(k("PerSourceNetBlockSize", NETBLOCK_SIZE, GLOBAL, "8.5", LAST_WINS));
    all.add(k("MaxSessions", INTEGER, IN_MATCH, "5.1"));
    all.add(k("ChannelTimeout", CHANNEL_TIMEOUT, IN_MATCH, "9.2"));
    all.add(k("UnusedConnectionTimeout", TIME_OR_NONE, IN_MATCH, "9.2"));
    all.add(k("RekeyLimit", REKEY_LIMIT, IN_MATCH, "6.3"));
    // Forwarding and sessions.
    all.add(k("AllowTcpForwarding", FORWARDING, IN_MATCH, "3.0"));
    all.add(k("AllowStreamLocalForwarding", FORWARDING, IN_MATCH, "6.7"));
    all.add(k("AllowAgentForwarding", FLAG, IN_MATCH, "5.1"));
    all.add(k("DisableForwarding", FLAG, IN_MATCH, "7.4"));
    all.add(k("GatewayPorts", GATEWAY_PORTS, IN_MATCH, "3.0"));
    all.add(k("PermitOpen", PERMIT_OPEN, IN_MATCH, "4.4"));
    all.add(k("PermitListen", PERMIT_LISTEN, IN_MATCH, "7.8"));
    all.add(k("PermitTunnel", PERMIT_TUNNEL, IN_MATCH, "4.3"));
    all.add(k("StreamLocalBindMask", OCTAL_MASK, IN_MATCH, "6.7", LAST_WINS));
    all.add(k("StreamLocalBindUnlink", FLAG, IN_MATCH, "6.7"));
    all.add(k("X11Forwarding", FLAG, IN_MATCH, "3.0"));
    all.add(k("X11DisplayOffset", INTEGER, IN_MATCH, "3.0"));
    all.add(k("X11UseLocalhost", FLAG, IN_MATCH, "3.1"));
    all.add(k("XAuthLocation", PATH, GLOBAL, "3.0"));
    all.add(k("PermitTTY", FLAG, IN_MATCH, "6.5"));
    all.add(k("PermitUserRC", FLAG, IN_MATCH, "6.7"));
    all.add(k("PermitUserEnvironment", PERMIT_USER_ENVIRONMENT, GLOBAL, "3.5"));
    all.add(acc("AcceptEnv", ENV_NAMES, IN_MATCH, "3.9"));
    all.add(k("SetEnv", ENV_ASSIGNMENTS, IN_MATCH, "7.8"));
    all.add(k("ForceCommand", REST_OF_LINE, IN_MATCH, "4.4"));
    all.add(k("ChrootDirectory", WORD, IN_MATCH, "4.9"));
    all.add(acc("Subsystem", SUBSYSTEM, GLOBAL, "3.0"));
    all.add(k("Banner", PATH, IN_MATCH, "3.0"));
    all.add(k("PrintMotd", FLAG, GLOBAL, "3.0"));
    all.add(k("PrintLastLog", FLAG, GLOBAL, "3.0"));
    all.add(k("Compression", COMPRESSION, GLOBAL, "3.3"));
    all.add(k("StrictModes", FLAG, GLOBAL, "3.0"));
    // Keys and algorithms.
    all.add(acc("HostKey", PATH, GLOBAL, "3.0"));
    all.add(new Keyword("HostDSAKey", PATH, GLOBAL, KeywordStatus.ALIAS, v("3.0"), null, "HostKey", ACCUMULATES, null, null));
    all.add(acc("HostCertificate", PATH, GLOBAL, "5.4"));
    all.add(k("HostKeyAgent", WORD, GLOBAL, "6.3"));
    all.add(k("HostKeyAlgorithms", KEY_ALGORITHMS, GLOBAL, "7.0"));
    all.add(k("Ciphers", CIPHERS, GLOBAL, "3.0"));
    all.add(k("MACs", MACS, GLOBAL, "3.0"));
    all.add(k("KexAlgorithms", KEX_ALGORITHMS, GLOBAL, "5.7"));
    all.add(k("FingerprintHash", FINGERPRINT_HASH, GLOBAL, "6.8", LAST_WINS));
    all.add(k("ModuliFile", PATH, GLOBAL, "8.6"));
    // Logging and process.
    all.add(k("LogLevel", LOG_LEVEL, IN_MATCH, "3.0"));
    all.add(k("LogVerbose", LOG_VERBOSE, IN_MATCH, "8.5"));
    all.add(k("SyslogFacility", LOG_FACILITY, GLOBAL, "3.0"));
    all.add(k("PidFile", PATH, GLOBAL, "3.0"));
    all.add(k("VersionAddendum", VERSION_ADDENDUM, GLOBAL, "6.1"));
    all.add(new Keyword("DebianBanner", FLAG, GLOBAL, KeywordStatus.ACTIVE, v("3.0"), null, "DebianBanner", FIRST_WINS, null, "Debian"));
    // Structure.
    all.add(new Keyword("Match", MATCH, IN_MATCH, KeywordStatus.ACTIVE, v("4.4"), null, "Match", STRUCTURAL, null, null));
    all.add(new Keyword("Include", INCLUDE, IN_MATCH, KeywordStatus.ACTIVE, v("8.2"), null, "Include", STRUCTURAL, null, null));
    // Releases after 9.2 (known so that an older target can say "too new" rather than "unknown").
    all.add(k("PerSourcePenalties", ANYTHING, GLOBAL, "9.8"));
    all.add(k("PerSourcePenaltyExemptList", ANYTHING, GLOBAL, "9.8"));
    all.add(k("PAMServiceName", WORD, IN_MATCH, "9.8"));
    all.add(k("SshdSessionPath", PATH, GLOBAL, "9.8"));
    all.add(k("RefuseConnection", FLAG, IN_MATCH, "9.9"));
    all.add(k("SshdAuthPath", PATH, GLOBAL, "10.0"));
    // Retired keywords: sshd still recognises them and skips their arguments.
    all.add(dead("Protocol", GLOBAL, KeywordStatus.IGNORED, "7.4",
        "Protocol is ignored since OpenSSH 7.4: sshd only speaks SSH-2 and SSH-1 support is gone. Delete the line."));
    all.add(dead("UsePrivilegeSeparation", GLOBAL, KeywordStatus.DEPRECATED, "7.5",
        "UsePrivilegeSeparation is deprecated since OpenSSH 7.5: privilege separation is always on and cannot be turned off. Delete the line."));
    all.add(dead("RSAAuthentication", IN_MATCH, KeywordStatus.DEPRECATED, "7.4",
        "RSAAuthentication was for SSH-1 and is ignored since OpenSSH 7.4. RSA keys are governed by PubkeyAuthentication; delete the line."));
    all.add(dead("RhostsRSAAuthentication", IN_MATCH, KeywordStatus.DEPRECATED, "7.4",
        "RhostsRSAAuthentication was for SSH-1 and is ignored since OpenSSH 7.4; HostbasedAuthentication is the SSH-2 equivalent. Delete the line."));
    all.add(dead("ServerKeyBits", GLOBAL, KeywordStatus.DEPRECATED, "7.4",
        "ServerKeyBits sized the SSH-1 ephemeral server key and is ignored since OpenSSH 7.4. Delete the line."));
    all.add(dead("KeyRegenerationInterval", GLOBAL, KeywordStatus.DEPRECATED, "7.4",
        "KeyRegenerationInterval regenerated the SSH-1 server key and is ignored since OpenSSH 7.4; SSH-2 rekeying is set with RekeyLimit. Delete the line."));
    all.add(dead("UseLogin", GLOBAL, KeywordStatus.DEPRECATED, "7.4",
        "UseLogin is ignored since OpenSSH 7.4: sshd never runs login(1) for sessions any more. Delete the line."));
    all.add(dead("AuthorizedKeysFile2", IN_MATCH, KeywordStatus.DEPRECATED, "5.9",
        "AuthorizedKeysFile2 is ignored since OpenSSH 5.9; list every file on one AuthorizedKeysFile line instead."));
    all.add(dead("RhostsAuthentication", GLOBAL, KeywordStatus.DEPRECATED, "3.7",
        "RhostsAuthentication is ignored since OpenSSH 3.7: plain rhosts authentication was removed. Delete the line."));
    all.add(dead("VerifyReverseMapping", GLOBAL, KeywordStatus.DEPRECATED, "3.7",
        "VerifyReverseMapping is ignored since OpenSSH 3.7; UseDNS controls reverse lookups now."));
    all.add(dead("ReverseMappingCheck", GLOBAL, KeywordStatus.DEPRECATED, "3.7",
        "ReverseMappingCheck is ignored since OpenSSH 3.7; UseDNS controls reverse lookups now."));
    all.add(dead("CheckMail", GLOBAL, KeywordStatus.DEPRECATED, "3.0",
        "CheckMail is ignored: sshd has not checked for new mail since OpenSSH 3.0. Delete the line."));
    all.add(dead("PAMAuthenticationViaKbdInt", GLOBAL, KeywordStatus.DEPRECATED, "3.7",
        "PAMAuthenticationViaKbdInt is ignored since OpenSSH 3.7; PAM is used through UsePAM and KbdInteractiveAuthentication."));
    all.add(dead("KerberosTgtPassing", GLOBAL, KeywordStatus.UNSUPPORTED, null,
        "KerberosTgtPassing is not supported by this sshd and is ignored. Delete the line."));
    all.add(dead("AFSTokenPassing", GLOBAL, KeywordStatus.UNSUPPORTED, null,
        "AFSTokenPassing is not supported by this sshd and is ignored. Delete the line."));
    all.add(dead("KerberosGetAFSToken", GLOBAL, KeywordStatus.UNSUPPORTED, null,
        "KerberosGetAFSToken needs AFS support, which Debian's sshd is built without; the line is ignored."));
    // Debian's patches keep the keyword of its old blacklisted-keys check, as a deprecated one.
    all.add(new Keyword("PermitBlacklistedKeys", ANYTHING, GLOBAL, KeywordStatus.DEPRECATED, v("3.0"), null,
        "PermitBlacklistedKeys", FIRST_WINS,
        "PermitBlacklistedKeys belonged to Debian's check for the weak keys of CVE-2008-0166, which Debian removed;"
            + " sshd logs \"Deprecated option\" and ignores the line. Delete it.", "Debian"));
    all.add(new Keyword("GSSAPIUseSessionCredCache", ANYTHING, GLOBAL, KeywordStatus.UNSUPPORTED, v("3.0"), null,
        "GSSAPIUseSessionCredCache", FIRST_WINS,
        "GSSAPIUseSessionCredCache is not supported by Debian's sshd and is ignored. Delete the line.", "Debian"));
    all.add(new Keyword("GSSUseSessionCCache", ANYTHING, GLOBAL, KeywordStatus.UNSUPPORTED, v("3.0"), null,
        "GSSUseSessionCCache", FIRST_WINS,
        "GSSUseSessionCCache is not supported by Debian's sshd and is ignored. Delete the line.", "Debian"));
    Map<String, Keyword> map = new TreeMap<>();
    for (Keyword keyword : all) {
      if (map.put(keyword.lowerName(), keyword) != null) {
        throw new IllegalStateException("duplicate keyword " + keyword.name());
      }
    }
    BY_LOWER_NAME = Collections.unmodifiableMap(map);
  }

  private KeywordCatalogue() {}

  /** A keyword by any spelling, as sshd matches with strcasecmp; empty for unknown words. */
  public static Optional<Keyword> find(String word) {
    return Optional.ofNullable(BY_LOWER_NAME.get(word.toLowerCase(Locale.ROOT)));
  }

  /** Every keyword, sorted by lower-case name. */
  public static List<Keyword> all() {
    return List.copyOf(BY_LOWER_NAME.values());
  }

  /** The keyword an alias stands for, or the keyword itself. */
  public static Keyword resolve(Keyword keyword) {
    return keyword.status() == KeywordStatus.ALIAS ? find(keyword.canonical()).orElse(keyword) : keyword;
  }

  /** The known keyword closest in spelling to {@code word}, for "did you mean" hints. */
  public static Optional<String> closest(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    List<String> active = BY_LOWER_NAME.values().stream()
        .filter(k -> k.status() == KeywordStatus.ACTIVE).map(Keyword::lowerName).toList();
    return Suggestion.closest(lower, active, Math.max(2, lower.length() / 4)).map(l -> BY_LOWER_NAME.get(l).name());
  }

  private static OpensshVersion v(String s) {
    return OpensshVersion.of(s);
  }

  private static Keyword k(String name, ArgKind kind, boolean match, String since) {
    return new Keyword(name, kind, match, KeywordStatus.ACTIVE, v(since), null, name, FIRST_WINS, null, null);
  }

  private static Keyword k(String name, ArgKind kind, boolean match, String since, Multiplicity m) {
    return new Keyword(name, kind, match, KeywordStatus.ACTIVE, v(since), null, name, m, null, null);
  }

  private static Keyword k(String name, ArgKind kind, boolean match, String since, KeywordStatus status) {
    return new Keyword(name, kind, match, status, v(since), null, name, FIRST_WINS, null, null);
  }

  private static Keyword acc(String name, ArgKind kind, boolean match, String since) {
    return new Keyword(name, kind, match, KeywordStatus.ACTIVE, v(since), null, name, ACCUMULATES, null, null);
  }

  private static Keyword alias(String name, String target, ArgKind kind, boolean match, String since) {
    return new Keyword(name, kind, match, KeywordStatus.ALIAS, v(since), null, target, FIRST_WINS, null, null);
  }

  private static Keyword debian(String name, ArgKind kind) {
    return new Keyword(name, kind, GLOBAL, KeywordStatus.ACTIVE, v("3.0"), null, name, FIRST_WINS, null, "Debian");
  }

  private static Keyword dead(String name, boolean match, KeywordStatus status, String changedIn, String note) {
    return new Keyword(name, ANYTHING, match, status, v("3.0"), changedIn == null ? null : v(changedIn), name,
        FIRST_WINS, note, null);
  }
}
