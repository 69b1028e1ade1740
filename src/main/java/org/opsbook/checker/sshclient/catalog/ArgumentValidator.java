package org.opsbook.checker.sshclient.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.opsbook.checker.sshclient.model.Argument;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.Finding;
import org.opsbook.checker.sshclient.model.MatchCriterion;
import org.opsbook.checker.sshclient.model.SshRuleIds;
import org.opsbook.diag.Severity;

/**
 * Checks a directive's arguments the way readconf.c process_config_line does, producing an error
 * wherever ssh would count a bad configuration option and refuse to run.
 */
public final class ArgumentValidator {
  private static final Set<String> LOG_LEVELS =
      Set.of("quiet", "fatal", "error", "info", "verbose", "debug", "debug1", "debug2", "debug3");
  private static final Set<String> FACILITIES = Set.of("daemon", "user", "auth", "authpriv",
      "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7");
  private static final Set<String> IPQOS = Set.of("none", "af11", "af12", "af13", "af21", "af22",
      "af23", "af31", "af32", "af33", "af41", "af42", "af43", "cs0", "cs1", "cs2", "cs3", "cs4", "cs5",
      "cs6", "cs7", "ef", "le", "lowdelay", "throughput", "reliability");
  private static final Set<String> DIGESTS = Set.of("md5", "sha1", "sha256", "sha384", "sha512");
  private static final Pattern TIME = Pattern.compile("(?:\\d+[sSmMhHdDwW]?)+");
  private static final Pattern SCALED = Pattern.compile("\\d+(?:\\.\\d+)?[KMGTPEkmgtpe]?");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z0-9_]+");
  // Debian's GSSAPI key-exchange patch (kex.c gss_kex_names)
  private static final List<String> GSS_KEX = List.of("gss-gex-sha1-", "gss-group1-sha1-", "gss-group14-sha1-",
      "gss-group14-sha256-", "gss-group16-sha512-", "gss-nistp256-sha256-", "gss-curve25519-sha256-");

  private ArgumentValidator() {}

  /** Findings for one directive whose keyword is known; adds nothing when ssh accepts it. */
  public static void validate(Directive d, KeywordSpec spec, OpenSshVersion version, List<Finding> out) {
    Check c = new Check(d, spec, out);
    List<Argument> a = d.arguments();
    int used;
    switch (spec.type()) {
      case IGNORED, ANY, COMMAND -> used = a.size();
      case FLAG -> used = c.words(List.of("yes", "no", "true", "false"));
      case MULTISTATE -> used = c.words(spec.words());
      case TIME -> used = c.time(0, true);
      case INTEGER -> used = c.integer();
      case PORT -> used = c.port();
      case STRING -> used = spec.name().equals("gssapikexalgorithms") ? c.gssKex() : c.one();
      case PATH_LIST, LOG_VERBOSE -> used = c.listWithNone();
      case CANONICAL_DOMAINS -> used = c.domains();
      case PERMITTED_CNAMES -> used = c.cnames();
      case PROXY_JUMP -> used = c.proxyJump();
      case LOCAL_FORWARD, REMOTE_FORWARD, DYNAMIC_FORWARD -> used = c.forward();
      case PERMIT_REMOTE_OPEN -> used = c.permitRemoteOpen();
      case CIPHERS -> used = c.algorithms(Algorithms.CIPHERS, false, "cipher spec");
      case MACS -> used = c.algorithms(Algorithms.MACS, false, "MAC spec");
      case KEX -> used = c.algorithms(Algorithms.KEX, false, "KexAlgorithms");
      case KEY_ALGORITHMS -> used = c.algorithms(Algorithms.KEY_ALGORITHMS, true, "key types");
      case LOG_LEVEL -> used = c.named(LOG_LEVELS, "unsupported log level");
      case LOG_FACILITY -> used = c.named(FACILITIES, "unsupported log facility");
      case ESCAPE_CHAR -> used = c.escapeChar();
      case SEND_ENV -> used = c.sendEnv();
      case SET_ENV -> used = c.setEnv();
      case CONTROL_PERSIST -> used = c.controlPersist();
      case TUNNEL_DEVICE -> used = c.tunnelDevice();
      case INCLUDE -> used = c.include();
      case IP_QOS -> used = c.ipqos();
      case BIND_MASK -> used = c.mask();
      case FINGERPRINT_HASH -> used = c.named(DIGESTS, "invalid hash algorithm");
      case ADD_KEYS_TO_AGENT -> used = c.addKeysToAgent();
      case IDENTITY_AGENT -> used = c.agentPath(true);
      case FORWARD_AGENT -> used = c.agentPath(false);
      case REKEY_LIMIT -> used = c.rekeyLimit();
      case HOST -> used = c.host();
      case MATCH -> used = c.match(version);
      default -> throw new IllegalStateException("unhandled type " + spec.type());
    }
    if (!c.failed && used >= 0 && used < a.size()) {
      out.add(new Finding(d.line(), a.get(used).column(), SshRuleIds.EXTRA_ARGUMENTS, Severity.ERROR,
          "keyword " + d.keyword() + " takes " + (used == 1 ? "one argument" : used + " arguments")
              + "; ssh rejects the extra \"" + a.get(used).value() + "\"",
          "quote a value that contains spaces, or delete the extra words"));
    }
  }

  /** One directive being checked; records whether an error was already reported. */
  private static final class Check {
    private final Directive d;
    private final KeywordSpec spec;
    private final List<Finding> out;
    private final List<Argument> a;
    boolean failed;

    Check(Directive d, KeywordSpec spec, List<Finding> out) {
      this.d = d;
      this.spec = spec;
      this.out = out;
      this.a = d.arguments();
    }

    private int missing() {
      failed = true;
      out.add(new Finding(d.line(), d.column(), SshRuleIds.MISSING_ARGUMENT, Severity.ERROR,
          "missing argument for " + d.keyword() + "; ssh refuses the file",
          "give " + d.keyword() + " a value (a '#' starts a comment and ends the arguments)"));
      return -1;
    }

    private int bad(int index, String message, String hint) {
      failed = true;
      out.add(new Finding(d.line(), d.argumentColumn(index), SshRuleIds.BAD_VALUE, Severity.ERROR,
          message, hint));
      return -1;
    }

    private boolean present(int i) {
      return i < a.size() && !a.get(i).value().isEmpty();
    }

    int words(List<String> accepted) {
      if (!present(0)) {
        return missing();
      }
      String v = a.get(0).value().toLowerCase(Locale.ROOT);
      if (!accepted.contains(v)) {
        return bad(0, d.keyword() + " does not accept \"" + a.get(0).value() + "\"",
            "use one of: " + String.join(", ", accepted));
      }
      return 1;
    }

    int time(int index, boolean allowNone) {
      if (!present(index)) {
        return missing();
      }
      String v = a.get(index).value();
      if ((allowNone && v.equals("none")) || isTime(v)) {
        return index + 1;
      }
      return bad(index, d.keyword() + ": invalid time value \"" + v + "\"",
          "write seconds or a time such as 30s, 10m, 1h30m" + (allowNone ? ", or none" : ""));
    }

    int integer() {
      if (!present(0)) {
        return missing();
      }
      String v = a.get(0).value();
      String digits = v.startsWith("+") ? v.substring(1) : v;
      if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
        return bad(0, d.keyword() + ": integer value invalid: \"" + v + "\"", "write a whole number");
      }
      if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
        return bad(0, d.keyword() + ": integer value too large: \"" + v + "\"", null);
      }
      if (spec.name().equals("connectionattempts") && Long.parseLong(digits) == 0) {
        // ssh.c refuses it after reading the file: "Invalid number of ConnectionAttempts"
        return bad(0, "ConnectionAttempts 0: ssh stops with \"Invalid number of ConnectionAttempts\"",
            "use 1 or more");
      }
      return 1;
    }

    int port() {
      if (!present(0)) {
        return missing();
      }
      if (ForwardSpec.port(a.get(0).value()) <= 0) {
        return bad(0, "bad port \"" + a.get(0).value() + "\"", "use a number from 1 to 65535");
      }
      return 1;
    }

    int one() {
      if (!present(0)) {
        return missing();
      }
      return 1;
    }

    int named(Set<String> names, String what) {
      if (!present(0)) {
        return missing();
      }
      if (!names.contains(a.get(0).value().toLowerCase(Locale.ROOT))) {
        return bad(0, d.keyword() + ": " + what + " \"" + a.get(0).value() + "\"",
            "use one of: " + String.join(", ", new java.util.TreeSet<>(names)));
      }
      return 1;
    }

    int listWithNone() {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).value().isEmpty()) {
          return bad(i, "keyword " + d.keyword() + " has an empty argument", null);
        }
        if (a.get(i).value().equalsIgnoreCase("none") && a.size() > 1) {
          return bad(i, "keyword " + d.keyword() + ": \"none\" must appear alone", null);
        }
      }
      return a.size();
    }

    int domains() {
      int r = listWithNone();
      if (r < 0) {
        return r;
      }
      for (int i = 0; i < a.size(); i++) {
        String v = a.get(i).value();
        if (v.equalsIgnoreCase("none")) {
          continue;
        }
        if (!Character.isLetterOrDigit(v.charAt(0)) || v.contains("..")
            || !v.chars().allMatch(ch -> ch < 128 && (Character.isLetterOrDigit(ch) || ch == '.' || ch == '-' || ch == '_'))) {
          return bad(i, "CanonicalDomains: \"" + v + "\" is not a valid domain name", null);
        }
      }
      return a.size();
    }

    int cnames() {
      for (int i = 0; i < a.size(); i++) {
        String v = a.get(i).value();
        if (v.equalsIgnoreCase("none")) {
          if (a.size() > 1) {
            return bad(i, "keyword " + d.keyword() + ": \"none\" must appear alone", null);
          }
        } else if (!v.equals("*")) {
          int colon = v.indexOf(':');
          if (colon < 0 || colon == v.length() - 1) {
            return bad(i, "invalid permitted CNAME \"" + v + "\"",
                "write source-domains:target-domains, such as *.a.example.com:*.b.example.com");
          }
        }
      }
      return a.size();
    }

    int proxyJump() {
      String spec = ProxyJumpSpec.effectiveText(d.rest());
      if (spec.isEmpty()) {
        return missing();
      }
      if (!ProxyJumpSpec.isValid(spec)) {
        return bad(0, "invalid ProxyJump \"" + spec + "\"",
            "write [user@]host[:port] or ssh://[user@]host[:port], comma-separated, or none");
      }
      return a.size();
    }

    int forward() {
      if (!present(0)) {
        return missing();
      }
      boolean remote = spec.type() == ValueType.REMOTE_FORWARD;
      boolean dynamic = spec.type() == ValueType.DYNAMIC_FORWARD;
      String fwd;
      int used;
      if (dynamic) {
        fwd = a.get(0).value();
        used = 1;
      } else if (!present(1)) {
        if (!remote) {
          failed = true;
          out.add(new Finding(d.line(), d.column(), SshRuleIds.MISSING_ARGUMENT, Severity.ERROR,
              "LocalForward needs a listen side and a target: missing target argument",
              "write LocalForward [bind_address:]port host:hostport"));
          return -1;
        }
        dynamic = true;
        fwd = a.get(0).value();
        used = 1;
      } else {
        fwd = a.get(0).value() + ":" + a.get(1).value();
        used = 2;
      }
      if (fwd.length() > 255 || ForwardSpec.parse(fwd, dynamic, remote).isEmpty()) {
        return bad(0, "bad forwarding specification for " + d.keyword() + ": \""
                + String.join(" ", a.subList(0, Math.min(used, a.size())).stream().map(Argument::value).toList()) + "\"",
            switch (spec.type()) {
              case LOCAL_FORWARD -> "write LocalForward [bind_address:]port host:hostport (ports 1-65535)";
              case REMOTE_FORWARD -> "write RemoteForward [bind_address:]port host:hostport, or a port alone for a SOCKS proxy";
              default -> "write DynamicForward [bind_address:]port";
            });
      }
      return used;
    }

    int permitRemoteOpen() {
      if (a.isEmpty()) {
        return missing();
      }
      for (int i = 0; i < a.size(); i++) {
        String v = a.get(i).value();
        if (v.equalsIgnoreCase("none") || v.equalsIgnoreCase("any")) {
          if (a.size() > 1) {
            return bad(i, "keyword " + d.keyword() + ": \"" + v + "\" must appear alone", null);
          }
          continue;
        }
        int sep = hostPortSeparator(v);
        if (sep < 0) {
          return bad(i, "PermitRemoteOpen: missing host in \"" + v + "\"", "write host:port, such as localhost:5900");
        }
        String port = v.substring(sep + 1);
        if (!port.equals("*") && ForwardSpec.port(port) <= 0) {
          return bad(i, "PermitRemoteOpen: bad port number in \"" + v + "\"", "write host:port, or host:* for any port");
        }
      }
      return a.size();
    }

    int algorithms(List<String> known, boolean wildcards, String what) {
      if (!present(0)) {
        return missing();
      }
      String v = a.get(0).value();
      if (v.startsWith("-")) {
        return 1; // readconf.c: a removal list is not validated
      }
      String list = v.startsWith("+") || v.startsWith("^") ? v.substring(1) : v;
      String badName = firstUnknown(list, known, wildcards);
      if (badName != null) {
        return bad(0, "bad " + d.keyword() + " " + what + " '" + v + "': unknown name \"" + badName + "\"",
            "list the names with 'ssh -Q " + queryName() + "'");
      }
      if (spec.canonical().equals("hostkeyalgorithms") && !negatedName(list)
          && Algorithms.assemble(v, Algorithms.DEFAULT_KEYS, Algorithms.KEY_ALGORITHMS) == null) {
        // readconf.c dump_client_config and the key exchange build this list and stop on failure
        return bad(0, "HostKeyAlgorithms '" + v + "' selects no algorithm; ssh stops with \"invalid argument\"",
            "name at least one algorithm from 'ssh -Q key'");
      }
      if (!spec.canonical().equals("hostkeyalgorithms") && !negatedName(list)
          && Algorithms.assemble(v, "x", known) == null) {
        out.add(new Finding(d.line(), d.argumentColumn(0), SshRuleIds.BAD_VALUE, Severity.WARNING,
            d.keyword() + " '" + v + "' selects no algorithm: ssh reports \"invalid argument\" and leaves this "
                + "and the algorithm lists after it unset",
            "name at least one algorithm from 'ssh -Q " + queryName() + "'"));
      }
      if (wildcards && negatedName(list)) {
        // kex.c kex_assemble_names refuses '!' ("invalid argument"): fatal for HostKeyAlgorithms
        // when ssh builds the proposal, logged and skipped for the other key lists
        boolean fatal = spec.canonical().equals("hostkeyalgorithms");
        out.add(new Finding(d.line(), d.argumentColumn(0), SshRuleIds.BAD_VALUE,
            fatal ? Severity.ERROR : Severity.WARNING,
            d.keyword() + " '" + v + "': a '!' name is accepted when the file is read but ssh cannot build the list"
                + " from it (\"invalid argument\")" + (fatal ? " and stops" : " and ignores the setting"),
            "remove names with a leading '-' list instead, such as -ssh-dss"));
        failed = fatal;
      }
      return 1;
    }

    private boolean negatedName(String list) {
      for (String name : list.split(",", -1)) {
        if (name.isEmpty()) {
          return false;
        }
        if (name.startsWith("!")) {
          return true;
        }
      }
      return false;
    }

    int gssKex() {
      if (!present(0)) {
        return missing();
      }
      String badName = firstUnknown(a.get(0).value(), GSS_KEX, false);
      if (badName != null) {
        return bad(0, "bad GSSAPIKexAlgorithms '" + a.get(0).value() + "': unknown name \"" + badName + "\"",
            "use names such as gss-curve25519-sha256-, gss-group14-sha256-");
      }
      return 1;
    }

    private String queryName() {
      return switch (spec.type()) {
        case CIPHERS -> "cipher";
        case MACS -> "mac";
        case KEX -> "kex";
        default -> "key-sig";
      };
    }

    int escapeChar() {
      if (!present(0)) {
        return missing();
      }
      String v = a.get(0).value();
      boolean ok = v.equals("none") || v.length() == 1
          || (v.length() == 2 && v.charAt(0) == '^' && v.charAt(1) >= 64 && v.charAt(1) < 128);
      if (!ok) {
        return bad(0, "bad escape character \"" + v + "\"", "use one character, ^X for a control character, or none");
      }
      return 1;
    }

    int sendEnv() {
      for (int i = 0; i < a.size(); i++) {
        String v = a.get(i).value();
        if (v.isEmpty() || v.contains("=")) {
          return bad(i, "SendEnv: invalid environment name \"" + v + "\"",
              "SendEnv takes variable names or patterns; use SetEnv NAME=value to set a value");
        }
      }
      return a.size();
    }

    int setEnv() {
      for (int i = 0; i < a.size(); i++) {
        if (!a.get(i).value().contains("=")) {
          return bad(i, "invalid SetEnv \"" + a.get(i).value() + "\"", "write NAME=value");
        }
      }
      return a.size();
    }

    int controlPersist() {
      if (!present(0)) {
        return missing();
      }
      String v = a.get(0).value();
      if (v.equals("yes") || v.equals("no") || v.equals("true") || v.equals("false") || isTime(v)) {
        return 1;
      }
      return bad(0, "bad ControlPersist argument \"" + v + "\"",
          "use yes, no or a time such as 10m (ssh compares yes/no case-sensitively here)");
    }

    int tunnelDevice() {
      if (!present(0)) {
        return missing();
      }
      String v = a.get(0).value();
      String[] parts = v.split(":", -1);
      boolean ok = parts.length <= 2;
      for (String p : parts) {
        ok &= p.equalsIgnoreCase("any") || (!p.isEmpty() && p.length() <= 10
            && p.chars().allMatch(Character::isDigit) && Long.parseLong(p) <= 0x7fffffffL - 2);
      }
      if (!ok) {
        return bad(0, "bad tun device \"" + v + "\"", "write local_tun[:remote_tun], numbers or any");
      }
      return 1;
    }

    int include() {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).value().isEmpty()) {
          return bad(i, "keyword Include has an empty argument", null);
        }
      }
      return a.size();
    }

    int ipqos() {
      if (!present(0) || !isIpqos(a.get(0).value())) {
        return bad(0, "bad IPQoS value \"" + (a.isEmpty() ? "" : a.get(0).value()) + "\"",
            "use a DSCP name (af21, cs1, ef...), lowdelay, throughput, reliability, none or a number 0-255");
      }
      if (a.size() > 1 && !isIpqos(a.get(1).value())) {
        return bad(1, "bad IPQoS value \"" + a.get(1).value() + "\"", null);
      }
      return Math.min(a.size(), 2);
    }

    int mask() {
      if (!present(0)) {
        return missing();
      }
      String v = a.get(0).value();
      int end = 0;
      while (end < v.length() && v.charAt(end) >= '0' && v.charAt(end) <= '7') {
        end++;
      }
      if (end == 0 || Long.parseLong(v.substring(0, Math.min(end, 12)), 8) > 0777) {
        return bad(0, "bad mask \"" + v + "\"", "write an octal mode such as 0177");
      }
      return 1;
    }

    int addKeysToAgent() {
      if (!present(0)) {
        return bad(0, "AddKeysToAgent: unsupported option", "use yes, no, ask, confirm or a lifetime such as 1h");
      }
      String first = a.get(0).value().toLowerCase(Locale.ROOT);
      boolean word = List.of("yes", "no", "true", "false", "ask", "confirm").contains(first);
      if (a.size() >= 2) {
        if (first.equals("confirm") && isTime(a.get(1).value())) {
          return 2;
        }
        return bad(first.equals("confirm") ? 1 : 0, "AddKeysToAgent: unsupported option \""
            + a.get(0).value() + " " + a.get(1).value() + "\"", "only 'confirm' may be followed by a lifetime");
      }
      if (!word && !isTime(a.get(0).value())) {
        return bad(0, "AddKeysToAgent: unsupported option \"" + a.get(0).value() + "\"",
            "use yes, no, ask, confirm or a lifetime such as 1h");
      }
      return 1;
    }

    int agentPath(boolean required) {
      if (!present(0)) {
        return missing();
      }
      String v = a.get(0).value();
      if (!required && List.of("yes", "no", "true", "false").contains(v.toLowerCase(Locale.ROOT))) {
        return 1;
      }
      int open = v.indexOf("${");
      if (open >= 0 && v.indexOf('}', open) < 0) {
        return bad(0, d.keyword() + ": invalid environment expansion \"" + v + "\"", "close the ${...}");
      }
      if (v.startsWith("$") && !v.startsWith("${") && !ENV_NAME.matcher(v.substring(1)).matches()) {
        return bad(0, d.keyword() + ": invalid environment name \"" + v + "\"", null);
      }
      return 1;
    }

    int rekeyLimit() {
      if (!present(0)) {
        return missing();
      }
      String v = a.get(0).value();
      if (!v.equals("default")) {
        if (!SCALED.matcher(v).matches()) {
          return bad(0, "RekeyLimit: bad number \"" + v + "\"", "write bytes with an optional K, M or G suffix, or default");
        }
        if (v.chars().allMatch(Character::isDigit) && v.length() < 3 && Integer.parseInt(v) != 0
            && Integer.parseInt(v) < 16) {
          return bad(0, "RekeyLimit too small", "use at least 16 bytes, or default");
        }
      }
      if (a.size() > 1) {
        if (a.get(1).value().equals("none")) {
          return 2;
        }
        return time(1, true) < 0 ? -1 : 2;
      }
      return 1;
    }

    int host() {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).value().isEmpty()) {
          return bad(i, "keyword Host has an empty argument", null);
        }
      }
      return a.size();
    }

    int match(OpenSshVersion version) {
      for (MatchCriterion c : d.criteria()) {
        boolean known = switch (c.attribute()) {
          case "all", "canonical", "final", "exec", "host", "originalhost", "user", "localuser" -> true;
          case "tagged", "localnetwork" -> version.atLeast(OpenSshVersion.of(9, 4));
          default -> false;
        };
        if (!known) {
          failed = true;
          out.add(new Finding(d.line(), c.column(), SshRuleIds.BAD_MATCH, Severity.ERROR,
              "bad Match condition: unsupported Match attribute \"" + c.attribute() + "\" in OpenSSH " + version,
              "ssh_config Match accepts canonical, final, exec, host, originalhost, user, localuser and all"
                  + (version.atLeast(OpenSshVersion.of(9, 4)) ? ", tagged, localnetwork" : "")));
          return -1;
        }
      }
      return a.size();
    }
  }

  /** misc.c hpdelim: the colon that ends a host (after a bracketed address), or -1. */
  static int hostPortSeparator(String v) {
    int from = 0;
    if (v.startsWith("[")) {
      int close = v.indexOf(']');
      if (close < 0) {
        return -1;
      }
      from = close + 1;
      return from < v.length() && v.charAt(from) == ':' ? from : -1;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) == '/') {
        return -1;
      }
      if (v.charAt(i) == ':') {
        return i;
      }
    }
    return -1;
  }

  static boolean isTime(String v) {
    return TIME.matcher(v).matches() && v.length() < 12;
  }

  private static boolean isIpqos(String v) {
    if (IPQOS.contains(v.toLowerCase(Locale.ROOT))) {
      return true;
    }
    try {
      long n = v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16)
          : v.startsWith("0") && v.length() > 1 ? Long.parseLong(v.substring(1), 8) : Long.parseLong(v);
      return n >= 0 && n <= 255 && !v.startsWith("+") && !v.startsWith("-");
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * The first name in a comma list that ssh does not know, stopping at an empty element as
   * kex.c/mac.c/cipher.c do; {@code ""} for an empty list; {@code null} when all are known.
   */
  static String firstUnknown(String list, List<String> known, boolean wildcards) {
    if (list.isEmpty()) {
      return "";
    }
    for (String name : list.split(",", -1)) {
      if (name.isEmpty()) {
        return null;
      }
      if (known.contains(name)) {
        continue;
      }
      if (wildcards && known.stream().anyMatch(k -> Wildcards.matchList(k, name, false) != 0)) {
        continue;
      }
      return name;
    }
    return null;
  }
}
