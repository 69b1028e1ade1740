package org.opsbook.checker.sshd.syntax;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opsbook.checker.openssh.Addresses;
import org.opsbook.checker.openssh.Algorithms;
import org.opsbook.checker.sshd.catalogue.ArgKind;
import org.opsbook.checker.sshd.catalogue.Keyword;
import org.opsbook.checker.sshd.catalogue.ListenAddressForm;
import org.opsbook.checker.openssh.OpensshVersion;
import org.opsbook.checker.openssh.WildcardPattern;
import org.opsbook.checker.sshd.catalogue.ScannedNumbers;
import org.opsbook.checker.sshd.catalogue.TimeValues;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.net.ServicePorts;
import org.opsbook.checker.sshd.model.Arg;
import org.opsbook.checker.sshd.rules.SshdRules;

/**
 * Checks a directive's arguments the way the matching case of servconf.c
 * process_server_config_line_depth() does, reporting what would make {@code sshd -t} fail. Messages
 * keep sshd's wording where it is clear and add what to do.
 */
final class ArgumentValidator {
  static final RuleInfo MISSING = SshdRules.MISSING_ARGUMENT;
  static final RuleInfo BAD_VALUE = SshdRules.BAD_VALUE;
  static final RuleInfo EXTRA = SshdRules.EXTRA_ARGUMENTS;

  /** Methods sshd's auth2.c knows (Debian adds gssapi-keyex). */
  static final Set<String> AUTH_METHODS = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(List.of(
      "none", "publickey", "password", "keyboard-interactive", "hostbased", "gssapi-with-mic", "gssapi-keyex")));

  private static final Set<String> IPQOS_NAMES = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(List.of(
      "none", "af11", "af12", "af13", "af21", "af22", "af23", "af31", "af32", "af33", "af41", "af42", "af43",
      "cs0", "cs1", "cs2", "cs3", "cs4", "cs5", "cs6", "cs7", "ef", "le", "lowdelay", "throughput", "reliability")));

  private ArgumentValidator() {}

  /** Validates {@code args} of {@code kw}; {@code rest} is the raw text after the keyword. */
  static void validate(Keyword kw, List<Arg> args, String rest, int restColumn, int line, LineReports r,
      OpensshVersion release) {
    Check c = new Check(kw, args, line, r, restColumn);
    switch (kw.kind()) {
      case FLAG, ADDRESS_FAMILY, PERMIT_ROOT_LOGIN, IGNORE_RHOSTS, COMPRESSION, GATEWAY_PORTS, FORWARDING,
          LOG_LEVEL, LOG_FACILITY, FINGERPRINT_HASH -> c.oneOf(true);
      case PERMIT_TUNNEL -> c.oneOf(false);
      case PERMIT_USER_ENVIRONMENT, PATH, WORD -> c.single();
      case INTEGER -> c.integer();
      case TIME -> c.time(false);
      case TIME_OR_NONE -> c.time(true);
      case PORT -> c.port();
      case LISTEN_ADDRESS -> c.listenAddress();
      case REST_OF_LINE, VERSION_ADDENDUM -> { }
      case COMMAND -> c.command(rest);
      case CIPHERS -> c.algorithms(Algorithms.ciphers(release), false, "Bad SSH2 cipher spec");
      case MACS -> c.algorithms(Algorithms.MACS, false, "Bad SSH2 mac spec");
      case KEX_ALGORITHMS -> c.algorithms(Algorithms.kex(release), false, "Bad SSH2 KexAlgorithms");
      case KEY_ALGORITHMS -> c.algorithms(Algorithms.keyAlgorithms(release), true, "Bad key types");
      case GSSAPI_KEX_ALGORITHMS -> c.gssapiKex();
      case LOG_VERBOSE, CHANNEL_TIMEOUT -> c.noneAloneList(kw.kind() == ArgKind.CHANNEL_TIMEOUT);
      case USER_PATTERNS -> c.userPatterns();
      case GROUP_PATTERNS, PATHS, INCLUDE -> c.nonEmptyList();
      case ENV_NAMES -> c.environment(false);
      case ENV_ASSIGNMENTS -> c.environment(true);
      case MAX_STARTUPS -> c.maxStartups();
      case NETBLOCK_SIZE -> c.netblockSize();
      case PER_SOURCE_MAX_STARTUPS -> c.perSourceMaxStartups();
      case REKEY_LIMIT -> c.rekeyLimit();
      case SUBSYSTEM -> c.subsystem();
      case PERMIT_OPEN, PERMIT_LISTEN -> c.permitOpen(kw.kind() == ArgKind.PERMIT_LISTEN);
      case IPQOS -> c.ipqos();
      case AUTHENTICATION_METHODS -> c.authenticationMethods();
      case OCTAL_MASK -> c.octalMask();
      case PUBKEY_AUTH_OPTIONS -> c.wordList();
      case ROUTING_DOMAIN, MATCH, ANYTHING -> { }
    }
  }

  /** One validation run; small mutable helper confined to a single call. */
  private static final class Check {
    private final Keyword kw;
    private final List<Arg> args;
    private final int line;
    private final LineReports r;
    private final int restColumn;

    Check(Keyword kw, List<Arg> args, int line, LineReports r, int restColumn) {
      this.kw = kw;
      this.args = args;
      this.line = line;
      this.r = r;
      this.restColumn = restColumn;
    }

    private String name() {
      return kw.name();
    }

    private int col(int i) {
      return i < args.size() ? args.get(i).column() : restColumn;
    }

    private void bad(int i, String message, String hint) {
      r.report(line, col(i), BAD_VALUE, message, hint);
    }

    /** The first argument, or {@code null} after reporting that it is missing. */
    private String first() {
      if (args.isEmpty() || args.get(0).text().isEmpty()) {
        r.report(line, col(0), MISSING, name() + " needs an argument; sshd stops with \"missing argument\"",
            hintWords());
        return null;
      }
      return args.get(0).text();
    }

    private String hintWords() {
      List<String> words = kw.kind().words();
      return words.isEmpty() ? null : "use one of: " + String.join(", ", words);
    }

    private void atMost(int n) {
      if (args.size() > n) {
        r.report(line, col(n), EXTRA, "extra arguments at end of line: " + name() + " takes "
            + (n == 1 ? "one value" : "at most " + n + " values") + ", and sshd refuses the rest",
            "remove '" + args.get(n).text() + "' and what follows, or quote a value that contains spaces");
      }
    }

    void oneOf(boolean ignoreCase) {
      String v = first();
      if (v == null) {
        return;
      }
      boolean ok = false;
      for (String w : kw.kind().words()) {
        if (ignoreCase ? w.equalsIgnoreCase(v) : w.equals(v)) {
          ok = true;
        }
      }
      if (!ok) {
        String why = kw.kind() == ArgKind.PERMIT_TUNNEL && kw.kind().words().contains(v.toLowerCase(Locale.ROOT))
            ? " (PermitTunnel values are case-sensitive)" : "";
        bad(0, "unsupported " + name() + " value \"" + v + "\"" + why + "; sshd refuses to start", hintWords());
      }
      atMost(1);
    }

    void single() {
      if (first() != null) {
        atMost(1);
      }
    }

    void integer() {
      String v = first();
      if (v == null) {
        return;
      }
      String err = integerError(v);
      if (err != null) {
        bad(0, name() + " integer value " + err + ": \"" + v + "\"", "write a decimal number from 0 to 2147483647");
      }
      atMost(1);
    }

    void time(boolean noneAllowed) {
      String v = first();
      if (v == null) {
        return;
      }
      if (!(noneAllowed && v.equalsIgnoreCase("none")) && TimeValues.seconds(v) < 0) {
        bad(0, "invalid time value \"" + v + "\" for " + name(),
            "write seconds or a sequence such as 90, 10m or 1h30m (units s, m, h, d, w)"
                + (noneAllowed ? ", or none" : ""));
      }
      atMost(1);
    }

    void port() {
      String v = first();
      if (v == null) {
        return;
      }
      if (portNumber(v) <= 0) {
        bad(0, "badly formatted port number \"" + v + "\"", "write a port from 1 to 65535");
      }
      atMost(1);
    }

    void listenAddress() {
      String v = first();
      if (v == null) {
        return;
      }
      ListenAddressForm form = ListenAddressForm.parse(v);
      if (form.problem() != null) {
        bad(0, form.problem() + " in ListenAddress \"" + v + "\"",
            "write address, address:port, [IPv6-address]:port or a bare IPv6 address; sshd refuses / as a separator");
        return;
      }
      if (form.port() != null && portNumber(form.port()) <= 0) {
        bad(0, "bad port number \"" + form.port() + "\" in ListenAddress", "write a port from 1 to 65535");
      }
      if (args.size() > 1) {
        if (!args.get(1).text().equals("rdomain") || args.size() < 3) {
          r.report(line, col(1), BAD_VALUE, "bad ListenAddress syntax: only \"rdomain NAME\" may follow the address", null);
          return;
        }
        atMost(3);
        if (!args.get(2).text().equals("lo")) {
          // openbsd-compat/port-net.c: on Linux the name must be a network device of the host.
          r.report(line, col(2), SshdRules.LISTEN_RDOMAIN, "rdomain " + args.get(2).text() + " must be a network"
              + " device (a VRF) of the host: sshd checks it when it starts and refuses to start without it",
              "make sure the device exists before sshd starts");
        }
      }
      String host = form.host();
      // Hosts are resolved with getaddrinfo() once the whole configuration is read.
      if (host.equals("*")) {
        r.report(line, col(0), SshdRules.LISTEN_ADDRESS_STAR, "ListenAddress " + v + " listens on 127.0.0.1 and ::1"
                + " only: getaddrinfo() reads * as no host, and without one sshd asks for the loopback addresses",
            "write ListenAddress 0.0.0.0 and ListenAddress :: (with :PORT if needed), or leave ListenAddress out");
      } else if (host.isEmpty()) {
        bad(0, "ListenAddress \"" + v + "\" has no address; sshd stops with \"bad addr or host\"",
            "write an IP address or host name");
      } else if (Addresses.parse(host).isEmpty()) {
        int percent = host.indexOf('%');
        boolean scoped = percent > 0 && Addresses.parse(host.substring(0, percent)).isPresent();
        if (!scoped && !isHostName(host)) {
          bad(0, "bad address or host \"" + host + "\" in ListenAddress; sshd refuses to start",
              "write an IP address, or a host name that resolves on the server");
        } else if (!host.equals("localhost")) {
          r.report(line, col(0), SshdRules.LISTEN_ADDRESS_NAME, scoped
                  ? "ListenAddress " + host + " names the interface " + host.substring(percent + 1) + ": sshd refuses to"
                      + " start on a host without it"
                  : "ListenAddress " + host + " is a name: sshd resolves it when it starts and refuses to start if it"
                      + " does not resolve (or binds whatever address it resolves to)",
              "write the IP address the daemon should listen on");
        }
      }
    }

    void command(String rest) {
      String v = rest.stripLeading();
      if (!v.startsWith("/") && !v.equalsIgnoreCase("none")) {
        r.report(line, restColumn, BAD_VALUE, name() + " must be an absolute path (sshd reads the raw line, so quotes count too)",
            "start the value with / or write none");
      }
    }

    void algorithms(List<String> known, boolean wildcards, String sshdMessage) {
      String v = first();
      if (v == null) {
        return;
      }
      atMost(1);
      if (v.startsWith("-")) {
        return; // servconf.c: removal lists are not checked when parsed
      }
      int offset = v.startsWith("+") || v.startsWith("^") ? 1 : 0;
      String list = v.substring(offset);
      int pos = offset;
      for (String name : list.split(",", -1)) {
        if (name.isEmpty()) {
          // sshd stops checking at the first empty element.
          return;
        }
        boolean ok = known.contains(name);
        if (!ok && wildcards) {
          for (String k : known) {
            if (WildcardPattern.matchList(k, name, false) != 0) {
              ok = true;
              break;
            }
          }
          if (ok && name.startsWith("!")) {
            r.report(line, col(0) + pos, BAD_VALUE, name() + " \"" + v + "\": negated patterns are only"
                + " allowed in a list that starts with '-'; sshd fails to assemble the list", "remove the '!' entry");
            return;
          }
        }
        if (!ok) {
          String hint = "known names: " + String.join(",", known);
          bad(0, sshdMessage + " '" + v + "': unknown algorithm \"" + name + "\"", hint);
          return;
        }
        pos += name.length() + 1;
      }
    }

    /** Debian's gss_kex names: a plain list, without the +, - and ^ of the other algorithm lists. */
    void gssapiKex() {
      String v = first();
      if (v == null) {
        return;
      }
      atMost(1);
      for (String name : v.split(",", -1)) {
        if (name.isEmpty()) {
          return; // kex.c stops at an empty element
        }
        if (!Algorithms.GSSAPI_KEX.contains(name)) {
          bad(0, "Bad GSSAPI KexAlgorithms '" + v + "': unsupported name \"" + name + "\"" + (name.matches("[-+^].*")
                  ? "; this list takes no +, - or ^ prefix" : ""),
              "known names: " + String.join(",", Algorithms.GSSAPI_KEX));
          return;
        }
      }
    }

    void noneAloneList(boolean timeouts) {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i).text();
        if (a.isEmpty()) {
          r.report(line, col(i), MISSING, name() + " has an empty argument", null);
          return;
        }
        if (a.equalsIgnoreCase("none")) {
          if (args.size() > 1) {
            bad(i, name() + ": \"none\" must appear alone", "either write none or list the values");
            return;
          }
        } else if (timeouts && !TimeValues.isChannelTimeout(a)) {
          bad(i, "invalid channel timeout " + a, "write type=interval, such as session=1h or global=30m");
          return;
        }
      }
    }

    void userPatterns() {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i).text();
        int at = a.indexOf('@');
        boolean bad = a.isEmpty() || (at >= 0 && Addresses.matchList(null, a.substring(at + 1)) == -2);
        if (bad) {
          bad(i, "invalid " + name() + " pattern: \"" + a + "\"",
              "write user, user@host or user@network/bits with the host bits of the network zero");
          return;
        }
      }
    }

    void nonEmptyList() {
      if (kw.kind() == ArgKind.INCLUDE && args.isEmpty()) {
        r.report(line, restColumn, MISSING, "Include missing filename argument; sshd refuses to start", null);
      }
      for (int i = 0; i < args.size(); i++) {
        if (args.get(i).text().isEmpty()) {
          r.report(line, col(i), MISSING, kw.kind() == ArgKind.INCLUDE
              ? "keyword Include empty argument; sshd refuses to start" : name() + " has an empty argument",
              "remove the empty \"\", or name a file");
          return;
        }
      }
    }

    void environment(boolean assignments) {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i).text();
        boolean hasEquals = a.indexOf('=') >= 0;
        if (a.isEmpty() || hasEquals != assignments) {
          bad(i, assignments ? "invalid environment \"" + a + "\": SetEnv takes NAME=value pairs"
                  : "invalid environment name \"" + a + "\": AcceptEnv takes variable names, not assignments",
              assignments ? "write NAME=value" : "drop the =value part; SetEnv is the keyword that assigns");
          return;
        }
      }
    }

    void maxStartups() {
      String v = first();
      if (v == null) {
        return;
      }
      int[] n = ScannedNumbers.colonInts(v, 3);
      boolean ok;
      if (n.length == 3) {
        ok = n[0] <= n[2] && n[1] >= 1 && n[1] <= 100 && n[0] > 0 && n[2] > 0;
      } else {
        ok = n.length == 1 && n[0] > 0;
      }
      if (!ok) {
        bad(0, "invalid MaxStartups spec \"" + v + "\"", "write start:rate:full with start <= full and rate 1-100, or one number");
      }
      atMost(1);
    }

    void netblockSize() {
      String v = first();
      if (v == null) {
        return;
      }
      int[] n = ScannedNumbers.colonInts(v, 2);
      boolean ok = n.length >= 1 && n[0] >= 0 && n[0] <= 32 && (n.length < 2 || (n[1] >= 0 && n[1] <= 128));
      if (!ok) {
        bad(0, "invalid PerSourceNetBlockSize spec \"" + v + "\"", "write ipv4bits[:ipv6bits], 0-32 and 0-128");
      }
      atMost(1);
    }

    void perSourceMaxStartups() {
      String v = first();
      if (v == null) {
        return;
      }
      if (!v.equals("none") && integerError(v) != null) {
        bad(0, "PerSourceMaxStartups integer value " + integerError(v) + ": \"" + v + "\"", "write a number or none");
      }
      atMost(1);
    }

    void rekeyLimit() {
      String v = first();
      if (v == null) {
        return;
      }
      if (!v.equals("default")) {
        long bytes = ScannedNumbers.scaled(v);
        if (bytes < 0) {
          bad(0, "bad RekeyLimit number \"" + v + "\"", "write a byte count such as 1G or 512M, or default");
        } else if (bytes != 0 && bytes < 16) {
          bad(0, "RekeyLimit too small: " + v, "write at least 16 bytes, or 0 for no limit");
        }
      }
      if (args.size() > 1) {
        String t = args.get(1).text();
        if (!t.equals("none") && TimeValues.seconds(t) < 0) {
          bad(1, "invalid time value \"" + t + "\" for the RekeyLimit interval", "write a time such as 1h, or none");
        }
      }
      atMost(2);
    }

    void subsystem() {
      if (first() == null) {
        return;
      }
      if (args.size() < 2 || args.get(1).text().isEmpty()) {
        r.report(line, col(1), MISSING, "Subsystem " + args.get(0).text() + " has no command; sshd stops with"
            + " \"Missing subsystem command\"", "add the program, such as internal-sftp or /usr/lib/openssh/sftp-server");
      }
    }

    void permitOpen(boolean listen) {
      String v = first();
      if (v == null) {
        return;
      }
      if (v.equals("any") || v.equals("none")) {
        atMost(1);
        return;
      }
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i).text();
        if (a.isEmpty()) {
          return;
        }
        String port;
        if (listen && a.indexOf(':') < 0) {
          port = a;
        } else {
          String host;
          if (a.startsWith("[")) {
            int close = a.indexOf(']');
            if (close < 0 || (close + 1 < a.length() && ":/".indexOf(a.charAt(close + 1)) < 0)) {
              bad(i, name() + " missing host in \"" + a + "\"", "write host:port");
              return;
            }
            port = close + 1 < a.length() ? a.substring(close + 2) : null;
          } else {
            int sep = indexOfAny(a, ":/");
            port = sep < 0 ? null : a.substring(sep + 1);
          }
        }
        if (port == null || !(port.equals("*") || portNumber(port) > 0)) {
          bad(i, name() + " bad port number in \"" + a + "\"", "write host:port, with port 1-65535 or *");
          return;
        }
      }
    }

    void ipqos() {
      String v = first();
      if (v == null) {
        return;
      }
      for (int i = 0; i < Math.min(2, args.size()); i++) {
        if (ScannedNumbers.ipqos(args.get(i).text(), IPQOS_NAMES) < 0) {
          bad(i, "bad IPQoS value: " + args.get(i).text(), "use a DSCP name (af21, cs1, ef, ...), lowdelay, throughput, reliability, none or 0-255");
          return;
        }
      }
      atMost(2);
    }

    void authenticationMethods() {
      if (args.isEmpty()) {
        r.report(line, restColumn, MISSING, "no AuthenticationMethods specified", "write any, or lists such as publickey,password");
        return;
      }
      boolean sawAny = false;
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i).text();
        if (a.equals("any")) {
          if (i > 0) {
            bad(i, "\"any\" must appear alone in AuthenticationMethods", null);
            return;
          }
          sawAny = true;
        } else if (sawAny) {
          bad(i, "\"any\" must appear alone in AuthenticationMethods", null);
          return;
        } else {
          String unknown = unknownMethod(a);
          if (unknown != null) {
            bad(i, "invalid AuthenticationMethods method list \"" + a + "\": unknown method \"" + unknown + "\"",
                "methods are " + String.join(", ", AUTH_METHODS) + "; separate methods of one list with commas");
            return;
          }
        }
      }
    }

    void octalMask() {
      String v = first();
      if (v == null) {
        return;
      }
      long value = ScannedNumbers.octalPrefix(v);
      if (value < 0 || value > 0777) {
        bad(0, "invalid " + name() + " \"" + v + "\"", "write an octal mode such as 0177");
      }
      atMost(1);
    }

    void wordList() {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i).text();
        boolean ok = kw.kind().words().stream().anyMatch(w -> w.equalsIgnoreCase(a));
        if (!ok) {
          bad(i, "unsupported " + name() + " option " + a, hintWords());
          return;
        }
      }
    }
  }

  /** The first unknown method of a comma-separated list, or {@code null} if all are known. */
  static String unknownMethod(String list) {
    if (list.isEmpty()) {
      return "";
    }
    for (String m : list.split(",", -1)) {
      int colon = m.indexOf(':');
      String name = colon >= 0 ? m.substring(0, colon) : m;
      if (!AUTH_METHODS.contains(name)) {
        return name;
      }
    }
    return null;
  }

  /** misc.c atoi_err(): {@code null} when fine, else "missing", "invalid", "too small" or "too large". */
  static String integerError(String v) {
    String s = v;
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    s = s.substring(i);
    if (s.isEmpty()) {
      return "invalid";
    }
    int start = (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
    if (start == s.length() || !s.substring(start).chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      return "invalid";
    }
    java.math.BigInteger n = new java.math.BigInteger(s.charAt(0) == '+' ? s.substring(1) : s);
    if (n.signum() < 0) {
      return "too small";
    }
    if (n.compareTo(java.math.BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
      return "too large";
    }
    return null;
  }

  /** misc.c a2port(): the port, or -1. Service names come from a short list of common ones. */
  static int portNumber(String v) {
    if (integerError(v) == null) {
      long n = Long.parseLong(v.strip().startsWith("+") ? v.strip().substring(1) : v.strip());
      return n <= 65535 ? (int) n : -1;
    }
    return ServicePorts.port(v);
  }

  /** RFC 1123 host name characters: letters, digits, hyphens and dots. */
  static boolean isHostName(String host) {
    return !host.isEmpty() && host.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '.')
        && !host.startsWith("-");
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
