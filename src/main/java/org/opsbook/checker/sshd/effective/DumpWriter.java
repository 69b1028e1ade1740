package org.opsbook.checker.sshd.effective;

import org.opsbook.checker.openssh.AlgorithmLists;
import org.opsbook.checker.net.ServicePorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opsbook.checker.openssh.Algorithms;
import org.opsbook.checker.sshd.catalogue.ArgumentLists;
import org.opsbook.checker.sshd.catalogue.ScannedNumbers;
import org.opsbook.checker.sshd.catalogue.TimeValues;
import org.opsbook.checker.sshd.catalogue.ListenAddressForm;
import org.opsbook.checker.sshd.model.Arg;
import org.opsbook.checker.sshd.model.Directive;

/**
 * Prints settings in the order and format of servconf.c dump_config() as built for Debian 12
 * (PAM, Kerberos, GSSAPI with Debian's key exchange patch, no routing domains), filling in the
 * compiled-in defaults of that build.
 */
final class DumpWriter {
  private DumpWriter() {}

  /** The defaults of the flag and word options, in dump order: keyword, default. */
  private static final String[][] FORMATTED = {
      {"permitrootlogin", "without-password"}, {"ignorerhosts", "yes"}, {"ignoreuserknownhosts", "no"},
      {"hostbasedauthentication", "no"}, {"hostbasedusesnamefrompacketonly", "no"},
      {"pubkeyauthentication", "yes"}, {"kerberosauthentication", "no"}, {"kerberosorlocalpasswd", "yes"},
      {"kerberosticketcleanup", "yes"}, {"gssapiauthentication", "no"}, {"gssapicleanupcredentials", "yes"},
      {"gssapikeyexchange", "no"}, {"gssapistrictacceptorcheck", "yes"}, {"gssapistorecredentialsonrekey", "no"},
  };

  private static final String[][] FORMATTED_AFTER_GSS = {
      {"passwordauthentication", "yes"}, {"kbdinteractiveauthentication", "yes"}, {"printmotd", "yes"},
      {"printlastlog", "yes"}, {"x11forwarding", "no"}, {"x11uselocalhost", "yes"}, {"permittty", "yes"},
      {"permituserrc", "yes"}, {"strictmodes", "yes"}, {"tcpkeepalive", "yes"}, {"permitemptypasswords", "no"},
      {"compression", "yes"}, {"gatewayports", "no"}, {"usedns", "no"}, {"allowtcpforwarding", "yes"},
      {"allowagentforwarding", "yes"}, {"disableforwarding", "no"}, {"allowstreamlocalforwarding", "yes"},
      {"streamlocalbindunlink", "no"},
  };

  private static final String[][] PATHS = {
      {"pidfile", "/run/sshd.pid"}, {"modulifile", "/etc/ssh/moduli"}, {"xauthlocation", "/usr/bin/xauth"},
  };

  private static final String[][] STRINGS_AFTER_MACS = {
      {"banner", "none"}, {"forcecommand", "none"}, {"chrootdirectory", "none"}, {"trustedusercakeys", "none"},
      {"revokedkeys", "none"}, {"securitykeyprovider", "internal"}, {"authorizedprincipalsfile", "none"},
      {"versionaddendum", "none"}, {"authorizedkeyscommand", "none"}, {"authorizedkeyscommanduser", "none"},
      {"authorizedprincipalscommand", "none"}, {"authorizedprincipalscommanduser", "none"},
      {"hostkeyagent", "none"},
  };

  static EffectiveConfig write(Settings s) {
    List<EffectiveConfig.Line> out = new ArrayList<>();
    List<Integer> ports = ports(s);
    for (int p : ports) {
      add(out, "port", Integer.toString(p));
    }
    String family = s.first("addressfamily") == null ? "any" : DumpValues.word(s.first("addressfamily"));
    add(out, "addressfamily", family);
    listenAddresses(s, ports, family, out);
    add(out, "usepam", flag(s, "usepam", "no"));
    add(out, "logingracetime", time(s, "logingracetime", "120"));
    add(out, "x11displayoffset", integer(s, "x11displayoffset", "10"));
    add(out, "maxauthtries", integer(s, "maxauthtries", "6"));
    add(out, "maxsessions", integer(s, "maxsessions", "10"));
    add(out, "clientaliveinterval", time(s, "clientaliveinterval", "0"));
    add(out, "clientalivecountmax", integer(s, "clientalivecountmax", "3"));
    add(out, "requiredrsasize", integer(s, "requiredrsasize", "1024"));
    String mask = s.first("streamlocalbindmask");
    add(out, "streamlocalbindmask", mask == null ? "0177" : "0" + Long.toOctalString(ScannedNumbers.octalPrefix(mask)));
    String unused = s.first("unusedconnectiontimeout");
    add(out, "unusedconnectiontimeout", unused == null || unused.equalsIgnoreCase("none")
        || TimeValues.seconds(unused) == 0 ? "none" : DumpValues.seconds(unused));
    for (String[] f : FORMATTED) {
      add(out, f[0], flag(s, f[0], f[1]));
    }
    String gssKex = s.first("gssapikexalgorithms");
    add(out, "gssapikexalgorithms", gssKex == null ? String.join(",", Algorithms.DEFAULT_GSSAPI_KEX) : gssKex);
    for (String[] f : FORMATTED_AFTER_GSS) {
      add(out, f[0], flag(s, f[0], f[1]));
    }
    String hash = s.first("fingerprinthash");
    add(out, "fingerprinthash", hash == null ? "SHA256" : hash.toUpperCase(Locale.ROOT));
    add(out, "exposeauthinfo", flag(s, "exposeauthinfo", "no"));
    for (String[] p : PATHS) {
      String v = s.first(p[0]);
      add(out, p[0], v == null ? p[1] : DumpValues.path(v));
    }
    add(out, "ciphers", algorithms(s, "ciphers", Algorithms.DEFAULT_CIPHERS, Algorithms.CIPHERS));
    add(out, "macs", algorithms(s, "macs", Algorithms.DEFAULT_MACS, Algorithms.MACS));
    for (String[] f : STRINGS_AFTER_MACS) {
      add(out, f[0], string(s, f[0], f[1]));
    }
    add(out, "kexalgorithms", algorithms(s, "kexalgorithms", Algorithms.DEFAULT_KEX, Algorithms.KEX));
    add(out, "casignaturealgorithms", algorithms(s, "casignaturealgorithms",
        Algorithms.DEFAULT_CA_SIGNATURE_ALGORITHMS, Algorithms.SIGNATURE_ALGORITHMS));
    for (String k : List.of("hostbasedacceptedalgorithms", "hostkeyalgorithms", "pubkeyacceptedalgorithms")) {
      add(out, k, algorithms(s, k, Algorithms.DEFAULT_KEY_ALGORITHMS, Algorithms.KEY_ALGORITHMS));
    }
    String level = s.first("loglevel");
    add(out, "loglevel", level == null ? "INFO" : DumpValues.logLevel(level));
    String facility = s.first("syslogfacility");
    add(out, "syslogfacility", facility == null ? "AUTH" : facility.toUpperCase(Locale.ROOT));
    List<Directive> akf = s.get("authorizedkeysfile");
    add(out, "authorizedkeysfile", akf.isEmpty() ? ".ssh/authorized_keys .ssh/authorized_keys2"
        : DumpValues.join(texts(akf.get(0), true)));
    List<Directive> hostKeys = s.get("hostkey");
    if (hostKeys.isEmpty()) {
      for (String t : List.of("rsa", "ecdsa", "ed25519")) {
        add(out, "hostkey", "/etc/ssh/ssh_host_" + t + "_key");
      }
    }
    for (String k : List.of("hostkey", "hostcertificate")) {
      for (Directive d : s.get(k)) {
        // fill_default_server_options() turns "none" into a null entry, which printf shows as (null).
        add(out, k, d.firstValue().equalsIgnoreCase("none") ? "(null)" : DumpValues.path(d.firstValue()));
      }
    }
    for (String k : List.of("allowusers", "denyusers", "allowgroups", "denygroups", "acceptenv", "setenv")) {
      for (Directive d : s.get(k)) {
        for (Arg a : d.args()) {
          add(out, k, a.text());
        }
      }
    }
    List<Directive> methods = s.get("authenticationmethods");
    add(out, "authenticationmethods", methods.isEmpty() ? "any" : DumpValues.join(texts(methods.get(0), false)));
    for (String k : List.of("logverbose", "channeltimeout")) {
      List<Directive> d = s.get(k);
      if (!d.isEmpty() && !d.get(0).args().isEmpty()) {
        add(out, k, DumpValues.join(texts(d.get(0), false)));
      }
    }
    for (Directive d : s.get("subsystem")) {
      List<String> parts = texts(d, false);
      add(out, "subsystem", parts.get(0) + " " + String.join(" ", parts.subList(1, parts.size())));
    }
    add(out, "maxstartups", maxStartups(s.first("maxstartups")));
    String psms = s.first("persourcemaxstartups");
    add(out, "persourcemaxstartups", psms == null || psms.equals("none") ? "none" : DumpValues.integer(psms));
    add(out, "persourcenetblocksize", netblock(s.first("persourcenetblocksize")));
    String tun = s.first("permittunnel");
    add(out, "permittunnel", tun == null ? "no" : tun);
    add(out, "ipqos", ipqos(s.get("ipqos")));
    add(out, "rekeylimit", rekeyLimit(s.get("rekeylimit"), s.get(Settings.REKEY_INTERVAL)));
    add(out, "permitopen", permits(s.get("permitopen"), false));
    add(out, "permitlisten", permits(s.get("permitlisten"), true));
    String env = s.first("permituserenvironment");
    add(out, "permituserenvironment", env == null ? "no" : env);
    add(out, "pubkeyauthoptions", pubkeyAuthOptions(s.get("pubkeyauthoptions")));
    return new EffectiveConfig(out);
  }

  /** Whether kex_assemble_names() would fail on one of the configured lists. */
  static Optional<String> assemblyError(Settings s) {
    String[][] lists = {{"ciphers"}, {"macs"}, {"kexalgorithms"}, {"casignaturealgorithms"},
        {"hostbasedacceptedalgorithms"}, {"hostkeyalgorithms"}, {"pubkeyacceptedalgorithms"}};
    for (String[] l : lists) {
      String v = s.first(l[0]);
      if (v != null && !v.startsWith("-") && ArgumentLists.hasNegation(v)) {
        return Optional.of(l[0] + ": negated entries are not allowed outside a '-' list");
      }
    }
    return Optional.empty();
  }

  private static void add(List<EffectiveConfig.Line> out, String k, String v) {
    out.add(new EffectiveConfig.Line(k, v));
  }

  private static List<Integer> ports(Settings s) {
    List<Integer> ports = new ArrayList<>();
    for (Directive d : s.get("port")) {
      ports.add(portNumber(d.firstValue()));
    }
    if (ports.isEmpty()) {
      ports.add(22);
    }
    return ports;
  }

  private static int portNumber(String v) {
    try {
      return Integer.parseInt(v.strip().startsWith("+") ? v.strip().substring(1) : v.strip());
    } catch (NumberFormatException e) {
      return Math.max(0, ServicePorts.port(v));
    }
  }

  private static void listenAddresses(Settings s, List<Integer> ports, String family, List<EffectiveConfig.Line> out) {
    List<Directive> listen = s.get("listenaddress");
    if (listen.isEmpty()) {
      for (int p : ports) {
        if (!family.equals("inet")) {
          add(out, "listenaddress", "[::]:" + p);
        }
        if (!family.equals("inet6")) {
          add(out, "listenaddress", "0.0.0.0:" + p);
        }
      }
      return;
    }
    for (Directive d : listen) {
      ListenAddressForm form = ListenAddressForm.parse(d.firstValue());
      int port = form.port() == null ? 0 : portNumber(form.port());
      String suffix = d.args().size() >= 3 ? " rdomain " + d.args().get(2).text() : "";
      for (int p : port > 0 ? List.of(port) : ports) {
        if (form.host().equals("*")) {
          // getaddrinfo() reads "*" as no host; without AI_PASSIVE that is the loopback addresses,
          // which sshd lists IPv4 first.
          if (!family.equals("inet6")) {
            add(out, "listenaddress", "127.0.0.1:" + p + suffix);
          }
          if (!family.equals("inet")) {
            add(out, "listenaddress", "[::1]:" + p + suffix);
          }
          continue;
        }
        String printed = DumpValues.address(form.host());
        boolean v6 = printed.indexOf(':') >= 0;
        add(out, "listenaddress", (v6 ? "[" + printed + "]" : printed) + ":" + p + suffix);
      }
    }
  }

  private static String flag(Settings s, String k, String def) {
    String v = s.first(k);
    return v == null ? def : DumpValues.word(v);
  }

  private static String integer(Settings s, String k, String def) {
    String v = s.first(k);
    return v == null ? def : DumpValues.integer(v);
  }

  private static String time(Settings s, String k, String def) {
    String v = s.first(k);
    return v == null ? def : DumpValues.seconds(v);
  }

  private static String string(Settings s, String k, String def) {
    List<Directive> d = s.get(k);
    if (d.isEmpty()) {
      return def;
    }
    Directive first = d.get(0);
    return switch (k) {
      case "forcecommand", "authorizedkeyscommand", "authorizedprincipalscommand" -> {
        String v = first.rest().stripLeading();
        yield (k.equals("forcecommand") && v.equalsIgnoreCase("none")) ? "none" : v;
      }
      case "chrootdirectory" -> first.firstValue().equalsIgnoreCase("none") ? "none" : first.firstValue();
      case "versionaddendum" -> {
        // servconf.c means to cut a comment here, but searches a buffer that already ends after
        // the keyword, so sshd keeps the whole rest of the line, comment included.
        String v = first.rest().stripLeading();
        yield v.isEmpty() || v.equalsIgnoreCase("none") ? "none" : v;
      }
      case "banner", "trustedusercakeys", "revokedkeys" -> DumpValues.path(first.firstValue());
      case "securitykeyprovider" -> first.firstValue().equalsIgnoreCase("internal")
          ? first.firstValue() : DumpValues.path(first.firstValue());
      case "authorizedprincipalsfile" -> DumpValues.tilde(first.firstValue());
      case "hostkeyagent" -> first.firstValue().equals("SSH_AUTH_SOCK")
          ? first.firstValue() : DumpValues.path(first.firstValue());
      default -> first.firstValue();
    };
  }

  private static String algorithms(Settings s, String k, List<String> defaults, List<String> all) {
    return AlgorithmLists.assemble(s.first(k), defaults, all).map(l -> String.join(",", l)).orElse("");
  }

  private static List<String> texts(Directive d, boolean tilde) {
    List<String> out = new ArrayList<>();
    for (Arg a : d.args()) {
      out.add(tilde ? DumpValues.tilde(a.text()) : a.text());
    }
    return out;
  }

  private static String maxStartups(String v) {
    if (v == null) {
      return "10:30:100";
    }
    int[] n = ScannedNumbers.colonInts(v, 3);
    return n.length == 3 ? n[0] + ":" + n[1] + ":" + n[2] : n[0] + ":30:" + n[0];
  }

  private static String netblock(String v) {
    if (v == null) {
      return "32:128";
    }
    int[] n = ScannedNumbers.colonInts(v, 2);
    // servconf.c leaves the IPv6 length at 0 when only one number is given.
    return n.length == 2 ? n[0] + ":" + n[1] : n[0] + ":0";
  }

  private static String ipqos(List<Directive> d) {
    if (d.isEmpty()) {
      return "lowdelay throughput";
    }
    List<Arg> args = d.get(0).args();
    String interactive = DumpValues.ipqos(args.get(0).text());
    String bulk = args.size() > 1 ? DumpValues.ipqos(args.get(1).text()) : interactive;
    return interactive + " " + bulk;
  }

  private static String rekeyLimit(List<Directive> limit, List<Directive> interval) {
    long bytes = 0;
    if (!limit.isEmpty()) {
      String first = limit.get(0).firstValue();
      bytes = first.equals("default") ? 0 : ScannedNumbers.scaled(first);
    }
    long seconds = interval.isEmpty() ? 0 : TimeValues.seconds(interval.get(0).args().get(1).text());
    return bytes + " " + seconds;
  }

  private static String permits(List<Directive> d, boolean listen) {
    if (d.isEmpty()) {
      return "any";
    }
    List<String> out = new ArrayList<>();
    for (Arg a : d.get(0).args()) {
      String t = a.text();
      out.add(listen && !t.equals("any") && !t.equals("none") && t.indexOf(':') < 0 ? "*:" + t : t);
    }
    return String.join(" ", out);
  }

  private static String pubkeyAuthOptions(List<Directive> d) {
    if (d.isEmpty()) {
      return "none";
    }
    boolean touch = false;
    boolean verify = false;
    for (Arg a : d.get(0).args()) {
      touch |= a.text().equalsIgnoreCase("touch-required");
      verify |= a.text().equalsIgnoreCase("verify-required");
    }
    if (!touch && !verify) {
      return "none";
    }
    return ((touch ? "touch-required " : "") + (verify ? "verify-required" : "")).strip();
  }
}
