package org.opsbook.checker.sshclient.effective;

import static org.opsbook.checker.sshclient.effective.ValueFormats.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opsbook.checker.openssh.AlgorithmLists;
import org.opsbook.checker.openssh.Algorithms;
import org.opsbook.checker.sshclient.catalogue.ForwardSpec;
import org.opsbook.checker.sshclient.model.Argument;
import org.opsbook.checker.sshclient.model.Directive;

/**
 * Prints resolved options in the order and spelling of readconf.c dump_client_config, with the
 * defaults of fill_default_options as the Debian 12 build of OpenSSH 9.2 reports them.
 */
final class DumpFormatter {
  private DumpFormatter() {}

  private static final String[][] FLAGS = {
      {"addressfamily", "any"}, {"batchmode", "no"}, {"canonicalizefallbacklocal", "yes"},
      {"canonicalizehostname", "false"}, {"checkhostip", "no"}, {"compression", "no"},
      {"controlmaster", "false"}, {"enablesshkeysign", "no"}, {"clearallforwardings", "no"},
      {"exitonforwardfailure", "no"}, {"fingerprinthash", "SHA256"}, {"forwardx11", "no"},
      {"forwardx11trusted", "yes"}, {"gatewayports", "no"}, {"gssapiauthentication", "no"},
      {"gssapikeyexchange", "no"}, {"gssapidelegatecredentials", "no"}, {"gssapitrustdns", "no"},
      {"gssapirenewalforcesrekey", "no"}, {"gssapikexalgorithms", null}, {"hashknownhosts", "no"},
      {"hostbasedauthentication", "no"}, {"identitiesonly", "no"}, {"kbdinteractiveauthentication", "yes"},
      {"nohostauthenticationforlocalhost", "no"}, {"passwordauthentication", "yes"},
      {"permitlocalcommand", "no"}, {"proxyusefdpass", "no"}, {"pubkeyauthentication", "true"},
      {"requesttty", "auto"}, {"sessiontype", "default"}, {"stdinnull", "no"},
      {"forkafterauthentication", "no"}, {"streamlocalbindunlink", "no"},
      {"stricthostkeychecking", "ask"}, {"tcpkeepalive", "yes"}, {"tunnel", "false"},
      {"verifyhostkeydns", "false"}, {"visualhostkey", "no"}, {"updatehostkeys", null},
      {"enableescapecommandline", "no"}};

  private static final String[][] INTEGERS = {
      {"canonicalizemaxdots", "1"}, {"connectionattempts", "1"}, {"forwardx11timeout", "1200"},
      {"numberofpasswordprompts", "3"}, {"serveralivecountmax", "3"}, {"serveraliveinterval", "0"},
      {"requiredrsasize", "1024"}};

  private static final String GSS_KEX =
      "gss-group14-sha256-,gss-group16-sha512-,gss-nistp256-sha256-,gss-curve25519-sha256-,gss-group14-sha1-,gss-gex-sha1-";

  static EffectiveConfig dump(EffectiveConfigResolver.Options o, ConnectionSpec spec, String host) {
    List<EffectiveConfig.Line> out = new ArrayList<>();
    String user = o.user != null ? o.user : spec.localUser();
    add(out, "host", spec.host());
    add(out, "user", user);
    add(out, "hostname", host);
    String port = EffectiveConfigResolver.first(o, "port");
    add(out, "port", port == null ? "22" : String.valueOf(portNumber(port)));
    for (String[] f : FLAGS) {
      String v = EffectiveConfigResolver.first(o, f[0]);
      if (f[0].equals("gssapikexalgorithms")) {
        add(out, f[0], v == null ? GSS_KEX : v);
      } else if (f[0].equals("updatehostkeys")) {
        add(out, f[0], v == null ? defaultUpdateHostKeys(o) : word(f[0], v));
      } else {
        add(out, f[0], v == null ? f[1] : word(f[0], v));
      }
    }
    for (String[] i : INTEGERS) {
      String v = EffectiveConfigResolver.first(o, i[0]);
      if (v == null && i[0].equals("serveraliveinterval") && isYes(EffectiveConfigResolver.first(o, "batchmode"))) {
        v = "300"; // Debian's ssh: BatchMode turns on keepalives every 300 s unless set otherwise
      }
      add(out, i[0], v == null ? i[1] : integerValue(i[0], v));
    }
    Map<String, String> lists = assembledLists(o);
    string(out, o, "bindaddress");
    string(out, o, "bindinterface");
    optional(out, "ciphers", lists.get("ciphers"));
    String controlPath = EffectiveConfigResolver.first(o, "controlpath");
    if (controlPath != null && !controlPath.equalsIgnoreCase("none")) {
      add(out, "controlpath", expandPath(controlPath, spec, host, user).replace("%p", port == null ? "22" : String.valueOf(portNumber(port))));
    }
    optional(out, "hostkeyalgorithms", AlgorithmLists.joined(EffectiveConfigResolver.first(o, "hostkeyalgorithms"), Algorithms.DEFAULT_KEY_ALGORITHMS,
        Algorithms.KEY_ALGORITHMS));
    string(out, o, "hostkeyalias");
    optional(out, "hostbasedacceptedalgorithms", lists.get("hostbasedacceptedalgorithms"));
    String agent = EffectiveConfigResolver.first(o, "identityagent");
    if (agent != null) {
      // ssh.c expands ~, ${VAR} and % tokens in IdentityAgent before -G prints it; only HOME is known here
      add(out, "identityagent", agent.equals("none") || agent.equals("SSH_AUTH_SOCK") ? agent
          : expandPath(agent, spec, host, user).replace("${HOME}", spec.home()));
    }
    string(out, o, "ignoreunknown");
    string(out, o, "kbdinteractivedevices");
    optional(out, "kexalgorithms", lists.get("kexalgorithms"));
    optional(out, "casignaturealgorithms", lists.get("casignaturealgorithms"));
    command(out, o, "localcommand");
    command(out, o, "remotecommand");
    String level = EffectiveConfigResolver.first(o, "loglevel");
    add(out, "loglevel", level == null ? "INFO" : level.toUpperCase(Locale.ROOT).replace("DEBUG1", "DEBUG1"));
    optional(out, "macs", lists.get("macs"));
    noneClears(out, o, "pkcs11provider");
    String sk = EffectiveConfigResolver.first(o, "securitykeyprovider");
    if (sk == null) {
      add(out, "securitykeyprovider", "internal");
    } else if (!sk.equalsIgnoreCase("none")) {
      add(out, "securitykeyprovider", sk);
    }
    string(out, o, "preferredauthentications");
    optional(out, "pubkeyacceptedalgorithms", lists.get("pubkeyacceptedalgorithms"));
    noneClears(out, o, "revokedhostkeys");
    String xauth = EffectiveConfigResolver.first(o, "xauthlocation");
    add(out, "xauthlocation", xauth == null ? "/usr/bin/xauth" : xauth);
    command(out, o, "knownhostscommand");
    boolean clear = isYes(EffectiveConfigResolver.first(o, "clearallforwardings"));
    if (!clear) {
      // readconf.c dump_cfg_forwards prints a forward as dynamic unless it has a named target
      // host, so a socket-to-socket LocalForward shows up under both keywords, as in ssh -G.
      for (ForwardSpec f : o.localForwards) {
        if (f.connectHost() == null || f.connectHost().equals("socks")) {
          add(out, "dynamicforward", listen(f));
        }
      }
      for (ForwardSpec f : o.localForwards) {
        if (!"socks".equals(f.connectHost())) {
          add(out, "localforward", listen(f) + " " + connect(f));
        }
      }
      for (ForwardSpec f : o.remoteForwards) {
        add(out, "remoteforward", listen(f) + " " + connect(f));
      }
    }
    List<String> ids = o.identityFiles.isEmpty()
        ? List.of("~/.ssh/id_rsa", "~/.ssh/id_ecdsa", "~/.ssh/id_ecdsa_sk", "~/.ssh/id_ed25519",
            "~/.ssh/id_ed25519_sk", "~/.ssh/id_xmss", "~/.ssh/id_dsa")
        : o.identityFiles;
    for (String id : ids) {
      add(out, "identityfile", id);
    }
    Directive domains = o.first.get("canonicaldomains");
    add(out, "canonicaldomains", domains == null ? "none" : String.join(" ", domains.arguments().stream()
        .map(a -> a.value().equalsIgnoreCase("none") ? a.value()
            : a.value().toLowerCase(Locale.ROOT).replaceFirst("\\.$", ""))
        .toList()));
    for (String c : o.certificateFiles) {
      add(out, "certificatefile", c);
    }
    oneLine(out, o, "globalknownhostsfile", "/etc/ssh/ssh_known_hosts /etc/ssh/ssh_known_hosts2");
    Directive ukh = o.first.get("userknownhostsfile");
    if (ukh == null) {
      add(out, "userknownhostsfile", spec.home() + "/.ssh/known_hosts " + spec.home() + "/.ssh/known_hosts2");
    } else {
      List<String> files = new ArrayList<>();
      for (Argument a : ukh.arguments()) {
        files.add(expandPath(a.value(), spec, host, user));
      }
      add(out, "userknownhostsfile", String.join(" ", files));
    }
    for (String e : o.sendEnv) {
      add(out, "sendenv", e);
    }
    for (String e : o.setEnv) {
      add(out, "setenv", e);
    }
    oneLine(out, o, "logverbose", "none");
    oneLine(out, o, "permitremoteopen", "any");
    add(out, "addkeystoagent", addKeys(EffectiveConfigResolver.first(o, "addkeystoagent"), o));
    String fa = EffectiveConfigResolver.first(o, "forwardagent");
    add(out, "forwardagent", fa == null ? "no" : isFlagWord(fa) ? (isYes(fa) ? "yes" : "no") : fa);
    String ct = EffectiveConfigResolver.first(o, "connecttimeout");
    add(out, "connecttimeout", ct == null || ct.equals("none") ? "none" : String.valueOf(seconds(ct)));
    String td = EffectiveConfigResolver.first(o, "tunneldevice");
    add(out, "tunneldevice", td == null ? "any:any" : tunnelDevice(td));
    Directive cn = o.first.get("canonicalizepermittedcnames");
    add(out, "canonicalizePermittedcnames", cn == null || cn.firstValue().equalsIgnoreCase("none")
        ? "none" : String.join(" ", cn.arguments().stream().map(a -> a.value().toLowerCase(Locale.ROOT)).toList()));
    String cp = EffectiveConfigResolver.first(o, "controlpersist");
    add(out, "controlpersist", controlPersist(cp));
    String esc = EffectiveConfigResolver.first(o, "escapechar");
    add(out, "escapechar", esc == null ? "~" : escapeChar(esc));
    Directive qos = o.first.get("ipqos");
    add(out, "ipqos", qos == null ? "lowdelay throughput" : ipqos(qos));
    Directive rekey = o.first.get("rekeylimit");
    add(out, "rekeylimit", rekey == null ? "0 0" : rekey(rekey));
    String mask = EffectiveConfigResolver.first(o, "streamlocalbindmask");
    add(out, "streamlocalbindmask", mask == null ? "0177" : "0" + Integer.toOctalString(Integer.parseInt(octalPrefix(mask), 8)));
    String fac = EffectiveConfigResolver.first(o, "syslogfacility");
    add(out, "syslogfacility", fac == null ? "USER" : fac.toUpperCase(Locale.ROOT));
    if (o.jump != null) {
      if (!(o.jump.host().equals("none") && o.jump.port() == 0 && o.jump.user() == null)) {
        add(out, "proxyjump", jump(o));
      }
    } else if (o.proxyCommand != null && !o.proxyCommand.equalsIgnoreCase("none")) {
      add(out, "proxycommand", o.proxyCommand);
    }
    return new EffectiveConfig(out);
  }

  /**
   * readconf.c fill_default_options assembles the lists in this order and stops at the first
   * failure, leaving that list and every later one unset, so ssh -G prints none of them.
   */
  private static Map<String, String> assembledLists(EffectiveConfigResolver.Options o) {
    Map<String, String> lists = new LinkedHashMap<>();
    List<List<String>> defaults = List.of(Algorithms.DEFAULT_CIPHERS, Algorithms.DEFAULT_MACS, Algorithms.DEFAULT_KEX,
        Algorithms.DEFAULT_KEY_ALGORITHMS, Algorithms.DEFAULT_KEY_ALGORITHMS, Algorithms.DEFAULT_CA_SIGNATURE_ALGORITHMS);
    List<List<String>> names = List.of(Algorithms.CIPHERS, Algorithms.MACS, Algorithms.KEX, Algorithms.KEY_ALGORITHMS,
        Algorithms.KEY_ALGORITHMS, Algorithms.SIGNATURE_ALGORITHMS);
    List<String> order = List.of("ciphers", "macs", "kexalgorithms", "hostbasedacceptedalgorithms",
        "pubkeyacceptedalgorithms", "casignaturealgorithms");
    for (int i = 0; i < order.size(); i++) {
      String value = AlgorithmLists.joined(EffectiveConfigResolver.first(o, order.get(i)), defaults.get(i), names.get(i));
      if (value == null) {
        break;
      }
      lists.put(order.get(i), value);
    }
    return lists;
  }

  private static void optional(List<EffectiveConfig.Line> out, String k, String v) {
    if (v != null) {
      add(out, k, v);
    }
  }

  private static void add(List<EffectiveConfig.Line> out, String k, String v) {
    out.add(new EffectiveConfig.Line(k, v));
  }

  private static void string(List<EffectiveConfig.Line> out, EffectiveConfigResolver.Options o, String key) {
    String v = EffectiveConfigResolver.first(o, key);
    if (v != null) {
      add(out, key, key.equals("hostkeyalias") ? v.toLowerCase(Locale.ROOT) : v);
    }
  }

  private static void noneClears(List<EffectiveConfig.Line> out, EffectiveConfigResolver.Options o, String key) {
    String v = EffectiveConfigResolver.first(o, key);
    if (v != null && !v.equalsIgnoreCase("none")) {
      add(out, key, v);
    }
  }

  private static void command(List<EffectiveConfig.Line> out, EffectiveConfigResolver.Options o, String key) {
    Directive d = o.first.get(key);
    if (d != null && !d.rest().equalsIgnoreCase("none")) {
      add(out, key, d.rest());
    }
  }

  private static void oneLine(List<EffectiveConfig.Line> out, EffectiveConfigResolver.Options o, String key, String dflt) {
    Directive d = o.first.get(key);
    add(out, key, d == null ? dflt : String.join(" ", d.arguments().stream().map(Argument::value).toList()));
  }

  private static String defaultUpdateHostKeys(EffectiveConfigResolver.Options o) {
    String dns = EffectiveConfigResolver.first(o, "verifyhostkeydns");
    boolean dnsOff = dns == null || dns.equalsIgnoreCase("no") || dns.equalsIgnoreCase("false");
    Directive ukh = o.first.get("userknownhostsfile");
    boolean defaultFile = ukh == null
        || (ukh.arguments().size() == 1 && ukh.firstValue().equals("~/.ssh/known_hosts"));
    return dnsOff && defaultFile ? "true" : "false";
  }

  private static String addKeys(String v, EffectiveConfigResolver.Options o) {
    if (v == null) {
      return "false";
    }
    Directive d = o.first.get("addkeystoagent");
    String w = v.toLowerCase(Locale.ROOT);
    if (d.arguments().size() == 2) {
      long life = seconds(d.arguments().get(1).value());
      return life == 0 ? "confirm" : "confirm " + life;
    }
    return switch (w) {
      case "yes", "true" -> "true";
      case "no", "false" -> "false";
      case "ask", "confirm" -> w;
      default -> seconds(v) == 0 ? "true" : String.valueOf(seconds(v));
    };
  }

  private static String jump(EffectiveConfigResolver.Options o) {
    var j = o.jump;
    boolean numeric = j.host().contains(":") || j.host().matches("[0-9.]+");
    StringBuilder sb = new StringBuilder();
    if (j.extra() != null) {
      sb.append(j.extra()).append(',');
    }
    if (j.user() != null) {
      sb.append(j.user()).append('@');
    }
    sb.append(numeric ? "[" : "").append(j.host()).append(numeric ? "]" : "");
    if (j.port() > 0) {
      sb.append(':').append(j.port());
    }
    return sb.toString();
  }
}
