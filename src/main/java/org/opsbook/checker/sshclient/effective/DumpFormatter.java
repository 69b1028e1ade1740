package org.opsbook.checker.sshclient.effective;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opsbook.checker.sshclient.catalog.Algorithms;
import org.opsbook.checker.sshclient.catalog.ForwardSpec;
import org.opsbook.checker.sshclient.catalog.Wildcards;
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
    string(out, o, "bindaddress");
    string(out, o, "bindinterface");
    add(out, "ciphers", algorithms(EffectiveConfigResolver.first(o, "ciphers"), Algorithms.DEFAULT_CIPHERS, Algorithms.CIPHERS));
    String controlPath = EffectiveConfigResolver.first(o, "controlpath");
    if (controlPath != null && !controlPath.equalsIgnoreCase("none")) {
      add(out, "controlpath", expandPath(controlPath, spec, host, user).replace("%p", port == null ? "22" : String.valueOf(portNumber(port))));
    }
    add(out, "hostkeyalgorithms", algorithms(EffectiveConfigResolver.first(o, "hostkeyalgorithms"), Algorithms.DEFAULT_KEYS, keysOnly()));
    string(out, o, "hostkeyalias");
    add(out, "hostbasedacceptedalgorithms", algorithms(EffectiveConfigResolver.first(o, "hostbasedacceptedalgorithms"), Algorithms.DEFAULT_KEYS, keysOnly()));
    string(out, o, "identityagent");
    string(out, o, "ignoreunknown");
    string(out, o, "kbdinteractivedevices");
    add(out, "kexalgorithms", algorithms(EffectiveConfigResolver.first(o, "kexalgorithms"), Algorithms.DEFAULT_KEX, Algorithms.KEX));
    add(out, "casignaturealgorithms", algorithms(EffectiveConfigResolver.first(o, "casignaturealgorithms"), Algorithms.DEFAULT_CA_SIGNATURES, Algorithms.SIGNATURES));
    command(out, o, "localcommand");
    command(out, o, "remotecommand");
    String level = EffectiveConfigResolver.first(o, "loglevel");
    add(out, "loglevel", level == null ? "INFO" : level.toUpperCase(Locale.ROOT).replace("DEBUG1", "DEBUG1"));
    add(out, "macs", algorithms(EffectiveConfigResolver.first(o, "macs"), Algorithms.DEFAULT_MACS, Algorithms.MACS));
    noneClears(out, o, "pkcs11provider");
    String sk = EffectiveConfigResolver.first(o, "securitykeyprovider");
    if (sk == null) {
      add(out, "securitykeyprovider", "internal");
    } else if (!sk.equalsIgnoreCase("none")) {
      add(out, "securitykeyprovider", sk);
    }
    string(out, o, "preferredauthentications");
    add(out, "pubkeyacceptedalgorithms", algorithms(EffectiveConfigResolver.first(o, "pubkeyacceptedalgorithms"), Algorithms.DEFAULT_KEYS, keysOnly()));
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
    oneLine(out, o, "canonicaldomains", "none");
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

  private static List<String> keysOnly() {
    List<String> keys = new ArrayList<>();
    for (String k : Algorithms.KEY_ALGORITHMS) {
      if (!k.startsWith("webauthn")) {
        keys.add(k);
      }
    }
    return keys;
  }

  /** kex.c kex_assemble_names: + appends, - removes by pattern, ^ prepends, a plain list replaces. */
  static String algorithms(String configured, String defaults, List<String> all) {
    if (configured == null) {
      return defaults;
    }
    List<String> def = List.of(defaults.split(","));
    Set<String> result = new LinkedHashSet<>();
    char op = configured.charAt(0);
    String list = op == '+' || op == '-' || op == '^' ? configured.substring(1) : configured;
    switch (op) {
      case '+' -> {
        result.addAll(def);
        result.addAll(expand(list, all));
      }
      case '^' -> {
        result.addAll(expand(list, all));
        result.addAll(def);
      }
      case '-' -> {
        for (String d : def) {
          if (Wildcards.matchList(d, list, false) != 1) {
            result.add(d);
          }
        }
      }
      default -> result.addAll(expand(list, all));
    }
    return String.join(",", result);
  }

  private static List<String> expand(String list, List<String> all) {
    List<String> out = new ArrayList<>();
    for (String name : list.split(",")) {
      if (name.contains("*") || name.contains("?")) {
        for (String a : all) {
          if (Wildcards.matches(a, name)) {
            out.add(a);
          }
        }
      } else if (all.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }

  private static String word(String key, String v) {
    String w = v.toLowerCase(Locale.ROOT);
    switch (key) {
      case "addressfamily", "sessiontype", "requesttty", "controlmaster", "canonicalizehostname",
          "pubkeyauthentication", "verifyhostkeydns", "updatehostkeys", "stricthostkeychecking", "tunnel" -> {
        if (w.equals("yes") || w.equals("true")) {
          return key.equals("tunnel") ? "point-to-point" : "true";
        }
        if (w.equals("no") || w.equals("false") || (key.equals("stricthostkeychecking") && w.equals("off"))) {
          return "false";
        }
        return w;
      }
      case "fingerprinthash" -> {
        return w.toUpperCase(Locale.ROOT);
      }
      default -> {
        return w.equals("yes") || w.equals("true") ? "yes" : "no";
      }
    }
  }

  private static String defaultUpdateHostKeys(EffectiveConfigResolver.Options o) {
    String dns = EffectiveConfigResolver.first(o, "verifyhostkeydns");
    boolean dnsOff = dns == null || dns.equalsIgnoreCase("no") || dns.equalsIgnoreCase("false");
    Directive ukh = o.first.get("userknownhostsfile");
    boolean defaultFile = ukh == null
        || (ukh.arguments().size() == 1 && ukh.firstValue().equals("~/.ssh/known_hosts"));
    return dnsOff && defaultFile ? "true" : "false";
  }

  private static String integerValue(String key, String v) {
    if (key.equals("forwardx11timeout") || key.equals("serveraliveinterval")) {
      return v.equals("none") ? "-1" : String.valueOf(seconds(v));
    }
    return String.valueOf(Long.parseLong(v.startsWith("+") ? v.substring(1) : v));
  }

  static long seconds(String v) {
    long total = 0;
    long n = 0;
    for (char c : v.toCharArray()) {
      if (Character.isDigit(c)) {
        n = n * 10 + (c - '0');
        continue;
      }
      total += n * switch (Character.toLowerCase(c)) {
        case 'm' -> 60;
        case 'h' -> 3600;
        case 'd' -> 86400;
        case 'w' -> 604800;
        default -> 1;
      };
      n = 0;
    }
    return total + n;
  }

  private static int portNumber(String p) {
    try {
      return Integer.parseInt(p);
    } catch (NumberFormatException e) {
      return p.equals("ssh") ? 22 : 0;
    }
  }

  private static String listen(ForwardSpec f) {
    if (f.listenPath() != null) {
      return f.listenPath();
    }
    return f.listenHost() == null ? String.valueOf(f.listenPort()) : "[" + f.listenHost() + "]:" + f.listenPort();
  }

  private static String connect(ForwardSpec f) {
    if (f.connectPath() != null) {
      return f.connectPath();
    }
    return f.connectHost() == null ? String.valueOf(f.connectPort()) : "[" + f.connectHost() + "]:" + f.connectPort();
  }

  private static String expandPath(String path, ConnectionSpec spec, String host, String user) {
    String p = path.startsWith("~/") ? spec.home() + path.substring(1) : path;
    return p.replace("%%", "\u0000").replace("%d", spec.home()).replace("%u", spec.localUser())
        .replace("%h", host).replace("%r", user).replace("%n", spec.host()).replace('\u0000', '%');
  }

  private static boolean isYes(String v) {
    return v != null && (v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true"));
  }

  private static boolean isFlagWord(String v) {
    String w = v.toLowerCase(Locale.ROOT);
    return w.equals("yes") || w.equals("no") || w.equals("true") || w.equals("false");
  }

  private static String addKeys(String v, EffectiveConfigResolver.Options o) {
    if (v == null) {
      return "false";
    }
    Directive d = o.first.get("addkeystoagent");
    String w = v.toLowerCase(Locale.ROOT);
    if (d.arguments().size() == 2) {
      return "confirm " + seconds(d.arguments().get(1).value());
    }
    return switch (w) {
      case "yes", "true" -> "true";
      case "no", "false" -> "false";
      case "ask", "confirm" -> w;
      default -> String.valueOf(seconds(v));
    };
  }

  /** The escape character as vis(3) with VIS_WHITE shows it, as ssh -G prints it. */
  private static String escapeChar(String v) {
    if (v.equals("none")) {
      return v;
    }
    char c = v.length() == 2 && v.charAt(0) == '^' ? (char) (v.charAt(1) & 31) : v.charAt(0);
    if (c < 32) {
      return "\\^" + (char) (c + 64);
    }
    if (c == ' ') {
      return "\\040";
    }
    return String.valueOf(c);
  }

  private static String tunnelDevice(String v) {
    String[] parts = v.split(":", -1);
    String local = parts[0].equalsIgnoreCase("any") ? "any" : String.valueOf(Long.parseLong(parts[0]));
    String remote = parts.length < 2 || parts[1].equalsIgnoreCase("any") ? "any" : String.valueOf(Long.parseLong(parts[1]));
    return local + ":" + remote;
  }

  private static String controlPersist(String v) {
    if (v == null || v.equals("no") || v.equals("false")) {
      return "no";
    }
    if (v.equals("yes") || v.equals("true")) {
      return "yes";
    }
    long s = seconds(v);
    return s == 0 ? "yes" : String.valueOf(s);
  }

  private static String ipqos(Directive d) {
    String a = ipqosName(d.firstValue());
    String b = d.arguments().size() > 1 ? ipqosName(d.arguments().get(1).value()) : a;
    return a + " " + b;
  }

  private static String ipqosName(String v) {
    String w = v.toLowerCase(Locale.ROOT);
    if (!Character.isDigit(w.charAt(0))) {
      return w;
    }
    int n = w.startsWith("0x") ? Integer.parseInt(w.substring(2), 16)
        : w.startsWith("0") && w.length() > 1 ? Integer.parseInt(w.substring(1), 8) : Integer.parseInt(w);
    return String.format(Locale.ROOT, "0x%02x", n);
  }

  private static String rekey(Directive d) {
    String v = d.firstValue();
    long bytes = v.equals("default") ? 0 : scaled(v);
    String interval = "0";
    if (d.arguments().size() > 1 && !d.arguments().get(1).value().equals("none")) {
      interval = String.valueOf(seconds(d.arguments().get(1).value()));
    }
    return bytes + " " + interval;
  }

  private static long scaled(String v) {
    char last = Character.toUpperCase(v.charAt(v.length() - 1));
    String num = Character.isDigit(last) ? v : v.substring(0, v.length() - 1);
    long mult = switch (last) {
      case 'K' -> 1024L;
      case 'M' -> 1024L * 1024;
      case 'G' -> 1024L * 1024 * 1024;
      case 'T' -> 1024L * 1024 * 1024 * 1024;
      default -> 1;
    };
    return (long) (Double.parseDouble(num) * mult);
  }

  private static String octalPrefix(String v) {
    int end = 0;
    while (end < v.length() && v.charAt(end) >= '0' && v.charAt(end) <= '7') {
      end++;
    }
    return v.substring(0, end);
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
