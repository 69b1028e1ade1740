package org.opsbook.checker.sshclient.catalogue;

import org.opsbook.checker.openssh.KeywordStatus;

import org.opsbook.checker.openssh.OpensshVersion;

import static org.opsbook.checker.sshclient.catalogue.ValueType.*;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ssh_config keywords, from the keyword table of readconf.c in the OpenSSH releases 8.0 to 9.9
 * and ssh_config(5). Immutable; one shared instance.
 */
public final class KeywordCatalogue {
  /** The first release this catalogue describes. */
  public static final OpensshVersion OLDEST = OpensshVersion.of(8, 0);

  private static final OpensshVersion V8_0 = OLDEST;
  private static final OpensshVersion V8_5 = OpensshVersion.of(8, 5);
  private static final OpensshVersion V8_7 = OpensshVersion.of(8, 7);

  private static final Map<String, KeywordSpec> ALL;

  static {
    Map<String, KeywordSpec> m = new LinkedHashMap<>();
    // readconf.c: deprecated options are read and dropped (debug log only); Protocol is oIgnore.
    for (String d : List.of("cipher", "fallbacktorsh", "globalknownhostsfile2", "rhostsauthentication",
        "userknownhostsfile2", "useroaming", "usersh", "useprivilegedport")) {
      put(m, d, display(d), IGNORED, KeywordStatus.DEPRECATED, d, V8_0);
    }
    put(m, "protocol", "Protocol", IGNORED, KeywordStatus.IGNORED, "protocol", V8_0);
    for (String u : List.of("afstokenpassing", "kerberosauthentication", "kerberostgtpassing",
        "rsaauthentication", "rhostsrsaauthentication", "compressionlevel")) {
      put(m, u, display(u), IGNORED, KeywordStatus.UNSUPPORTED, u, V8_0);
    }
    flag(m, "ForwardX11", "ForwardX11Trusted", "ExitOnForwardFailure", "GatewayPorts",
        "PasswordAuthentication", "KbdInteractiveAuthentication", "HostbasedAuthentication",
        "GSSAPIAuthentication", "GSSAPIDelegateCredentials", "BatchMode", "CheckHostIP",
        "TCPKeepAlive", "NoHostAuthenticationForLocalhost", "ClearAllForwardings",
        "EnableSSHKeysign", "IdentitiesOnly", "HashKnownHosts", "PermitLocalCommand",
        "VisualHostKey", "ProxyUseFdpass", "CanonicalizeFallbackLocal", "StreamLocalBindUnlink");
    put(m, "stdinnull", "StdinNull", FLAG, KeywordStatus.ACTIVE, "stdinnull", V8_7);
    put(m, "forkafterauthentication", "ForkAfterAuthentication", FLAG, KeywordStatus.ACTIVE,
        "forkafterauthentication", V8_7);
    put(m, "enableescapecommandline", "EnableEscapeCommandline", FLAG, KeywordStatus.ACTIVE,
        "enableescapecommandline", OpensshVersion.of(9, 2));
    multi(m, "PubkeyAuthentication", V8_0, "yes", "no", "true", "false", "unbound", "host-bound");
    multi(m, "VerifyHostKeyDNS", V8_0, "yes", "no", "true", "false", "ask");
    multi(m, "UpdateHostKeys", V8_0, "yes", "no", "true", "false", "ask");
    multi(m, "StrictHostKeyChecking", V8_0, "yes", "no", "true", "false", "ask", "off", "accept-new");
    multi(m, "Compression", V8_0, "yes", "no");
    multi(m, "AddressFamily", V8_0, "inet", "inet6", "any");
    multi(m, "ControlMaster", V8_0, "yes", "no", "true", "false", "auto", "ask", "autoask");
    multi(m, "Tunnel", V8_0, "ethernet", "point-to-point", "yes", "no", "true", "false");
    multi(m, "RequestTTY", V8_0, "yes", "no", "true", "false", "force", "auto");
    multi(m, "SessionType", V8_7, "none", "subsystem", "default");
    multi(m, "CanonicalizeHostname", V8_0, "yes", "no", "true", "false", "always");
    simple(m, TIME, "ConnectTimeout", "ForwardX11Timeout", "ServerAliveInterval");
    simple(m, INTEGER, "NumberOfPasswordPrompts", "ConnectionAttempts", "ServerAliveCountMax",
        "CanonicalizeMaxDots");
    put(m, "requiredrsasize", "RequiredRSASize", INTEGER, KeywordStatus.ACTIVE, "requiredrsasize",
        OpensshVersion.of(9, 1));
    simple(m, STRING, "User", "Hostname", "HostKeyAlias", "PreferredAuthentications", "BindAddress",
        "BindInterface", "PKCS11Provider", "XAuthLocation", "KbdInteractiveDevices", "ControlPath",
        "RevokedHostKeys", "IgnoreUnknown", "IdentityFile", "CertificateFile");
    put(m, "securitykeyprovider", "SecurityKeyProvider", STRING, KeywordStatus.ACTIVE,
        "securitykeyprovider", OpensshVersion.of(8, 2));
    simple(m, COMMAND, "ProxyCommand", "LocalCommand", "RemoteCommand");
    put(m, "knownhostscommand", "KnownHostsCommand", COMMAND, KeywordStatus.ACTIVE, "knownhostscommand", V8_5);
    simple(m, PROXY_JUMP, "ProxyJump");
    simple(m, PORT, "Port");
    simple(m, PATH_LIST, "GlobalKnownHostsFile", "UserKnownHostsFile");
    put(m, "logverbose", "LogVerbose", LOG_VERBOSE, KeywordStatus.ACTIVE, "logverbose", V8_5);
    simple(m, CANONICAL_DOMAINS, "CanonicalDomains");
    simple(m, PERMITTED_CNAMES, "CanonicalizePermittedCNAMEs");
    simple(m, LOCAL_FORWARD, "LocalForward");
    simple(m, REMOTE_FORWARD, "RemoteForward");
    simple(m, DYNAMIC_FORWARD, "DynamicForward");
    put(m, "permitremoteopen", "PermitRemoteOpen", PERMIT_REMOTE_OPEN, KeywordStatus.ACTIVE,
        "permitremoteopen", V8_5);
    simple(m, CIPHERS, "Ciphers");
    simple(m, MACS, "MACs");
    simple(m, KEX, "KexAlgorithms");
    simple(m, KEY_ALGORITHMS, "HostKeyAlgorithms", "CASignatureAlgorithms");
    put(m, "hostbasedacceptedalgorithms", "HostbasedAcceptedAlgorithms", KEY_ALGORITHMS,
        KeywordStatus.ACTIVE, "hostbasedacceptedalgorithms", V8_7);
    put(m, "pubkeyacceptedalgorithms", "PubkeyAcceptedAlgorithms", KEY_ALGORITHMS,
        KeywordStatus.ACTIVE, "pubkeyacceptedalgorithms", V8_5);
    simple(m, LOG_LEVEL, "LogLevel");
    simple(m, LOG_FACILITY, "SyslogFacility");
    simple(m, ESCAPE_CHAR, "EscapeChar");
    simple(m, SEND_ENV, "SendEnv");
    simple(m, SET_ENV, "SetEnv");
    simple(m, CONTROL_PERSIST, "ControlPersist");
    simple(m, TUNNEL_DEVICE, "TunnelDevice");
    simple(m, INCLUDE, "Include");
    simple(m, IP_QOS, "IPQoS");
    simple(m, BIND_MASK, "StreamLocalBindMask");
    simple(m, FINGERPRINT_HASH, "FingerprintHash");
    simple(m, ADD_KEYS_TO_AGENT, "AddKeysToAgent");
    simple(m, IDENTITY_AGENT, "IdentityAgent");
    simple(m, FORWARD_AGENT, "ForwardAgent");
    simple(m, REKEY_LIMIT, "RekeyLimit");
    simple(m, HOST, "Host");
    simple(m, MATCH, "Match");
    // Keywords of later releases; the catalogue checks only that they exist.
    put(m, "tag", "Tag", STRING, KeywordStatus.ACTIVE, "tag", OpensshVersion.of(9, 4));
    put(m, "obscurekeystroketiming", "ObscureKeystrokeTiming", ANY, KeywordStatus.ACTIVE,
        "obscurekeystroketiming", OpensshVersion.of(9, 5));
    put(m, "channeltimeout", "ChannelTimeout", ANY, KeywordStatus.ACTIVE, "channeltimeout",
        OpensshVersion.of(9, 6));
    // readconf.c aliases.
    alias(m, "dsaauthentication", "DSAAuthentication", "pubkeyauthentication", V8_0);
    alias(m, "identityfile2", "IdentityFile2", "identityfile", V8_0);
    alias(m, "keepalive", "KeepAlive", "tcpkeepalive", V8_0);
    alias(m, "smartcarddevice", "SmartcardDevice", "pkcs11provider", V8_0);
    alias(m, "challengeresponseauthentication", "ChallengeResponseAuthentication",
        "kbdinteractiveauthentication", V8_0);
    alias(m, "skeyauthentication", "SkeyAuthentication", "kbdinteractiveauthentication", V8_7);
    alias(m, "tisauthentication", "TISAuthentication", "kbdinteractiveauthentication", V8_0);
    alias(m, "pubkeyacceptedkeytypes", "PubkeyAcceptedKeyTypes", "pubkeyacceptedalgorithms", V8_0);
    alias(m, "hostbasedkeytypes", "HostbasedKeyTypes", "hostbasedacceptedalgorithms", V8_0);
    // Debian's GSSAPI key-exchange patch (openssh-client on Debian and Ubuntu).
    for (String v : List.of("GSSAPIKeyExchange", "GSSAPIRenewalForcesRekey", "GSSAPITrustDNS")) {
      put(m, v.toLowerCase(Locale.ROOT), v, FLAG, KeywordStatus.VENDOR,
          v.toLowerCase(Locale.ROOT), V8_0);
    }
    for (String v : List.of("GSSAPIClientIdentity", "GSSAPIServerIdentity", "GSSAPIKexAlgorithms")) {
      put(m, v.toLowerCase(Locale.ROOT), v, STRING, KeywordStatus.VENDOR,
          v.toLowerCase(Locale.ROOT), V8_0);
    }
    ALL = Collections.unmodifiableMap(m);
  }

  private KeywordCatalogue() {}

  /** The spec of a lower-case keyword in a release; empty when that release does not know it. */
  public static Optional<KeywordSpec> lookup(String name, OpensshVersion version) {
    KeywordSpec spec = ALL.get(name);
    if (spec == null || !version.atLeast(spec.since())) {
      return Optional.empty();
    }
    // readconf.c before 8.7: SkeyAuthentication was unsupported; before 8.5 the *KeyTypes names
    // were the keywords themselves rather than aliases.
    if (!version.atLeast(V8_5) && (name.equals("pubkeyacceptedkeytypes") || name.equals("hostbasedkeytypes"))) {
      return Optional.of(new KeywordSpec(name, spec.display(), KEY_ALGORITHMS, List.of(),
          KeywordStatus.ACTIVE, name, V8_0, false));
    }
    return Optional.of(spec);
  }

  /** The release that introduced a keyword this release does not know, if any. */
  public static Optional<OpensshVersion> introducedIn(String name) {
    KeywordSpec spec = ALL.get(name);
    return spec == null ? Optional.empty() : Optional.of(spec.since());
  }

  /** The display spelling of a lower-case keyword, or the name itself. */
  public static String displayName(String name) {
    KeywordSpec spec = ALL.get(name);
    return spec == null ? name : spec.display();
  }

  /** Every known keyword in lower case, in catalogue order. */
  public static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  private static String display(String lower) {
    return switch (lower) {
      case "cipher" -> "Cipher";
      case "fallbacktorsh" -> "FallBackToRsh";
      case "globalknownhostsfile2" -> "GlobalKnownHostsFile2";
      case "rhostsauthentication" -> "RhostsAuthentication";
      case "userknownhostsfile2" -> "UserKnownHostsFile2";
      case "useroaming" -> "UseRoaming";
      case "usersh" -> "UseRsh";
      case "useprivilegedport" -> "UsePrivilegedPort";
      case "afstokenpassing" -> "AFSTokenPassing";
      case "kerberosauthentication" -> "KerberosAuthentication";
      case "kerberostgtpassing" -> "KerberosTGTPassing";
      case "rsaauthentication" -> "RSAAuthentication";
      case "rhostsrsaauthentication" -> "RhostsRSAAuthentication";
      case "compressionlevel" -> "CompressionLevel";
      default -> lower;
    };
  }

  private static void put(Map<String, KeywordSpec> m, String name, String display, ValueType type,
      KeywordStatus status, String canonical, OpensshVersion since) {
    boolean accumulates = switch (type) {
      case LOCAL_FORWARD, REMOTE_FORWARD, DYNAMIC_FORWARD, SEND_ENV, INCLUDE, HOST, MATCH -> true;
      default -> name.equals("identityfile") || name.equals("certificatefile");
    };
    m.put(name, new KeywordSpec(name, display, type, List.of(), status, canonical, since, accumulates));
  }

  private static void alias(Map<String, KeywordSpec> m, String name, String display, String target,
      OpensshVersion since) {
    KeywordSpec t = m.get(target);
    m.put(name, new KeywordSpec(name, display, t.type(), t.words(), KeywordStatus.ALIAS, target, since,
        t.accumulates()));
  }

  private static void flag(Map<String, KeywordSpec> m, String... names) {
    simple(m, FLAG, names);
  }

  private static void simple(Map<String, KeywordSpec> m, ValueType type, String... names) {
    for (String n : names) {
      String lower = n.toLowerCase(Locale.ROOT);
      put(m, lower, n, type, KeywordStatus.ACTIVE, lower, V8_0);
    }
  }

  private static void multi(Map<String, KeywordSpec> m, String display, OpensshVersion since, String... words) {
    String lower = display.toLowerCase(Locale.ROOT);
    m.put(lower, new KeywordSpec(lower, display, MULTISTATE, List.of(words), KeywordStatus.ACTIVE, lower,
        since, false));
  }
}
