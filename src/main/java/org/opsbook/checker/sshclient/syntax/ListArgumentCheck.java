package org.opsbook.checker.sshclient.syntax;

import org.opsbook.checker.sshclient.catalogue.ValueType;
import org.opsbook.checker.sshclient.catalogue.ProxyJumpSpec;
import org.opsbook.checker.sshclient.catalogue.ForwardSpec;
import org.opsbook.checker.sshclient.catalogue.KeywordSpec;
import org.opsbook.checker.openssh.OpensshVersion;
import org.opsbook.checker.openssh.Algorithms;
import org.opsbook.checker.openssh.AlgorithmLists;
import org.opsbook.check.Findings;
import org.opsbook.checker.sshclient.rules.SshClientRules;
import java.util.List;
import org.opsbook.checker.sshclient.model.Argument;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.MatchCriterion;

/** Checks of keywords that take lists, forwarding specifications, jump hosts or Match criteria. */
final class ListArgumentCheck extends ArgumentCheck {
  ListArgumentCheck(Directive d, KeywordSpec spec, Findings out) {
    super(d, spec, out);
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
        out.report(SshClientRules.MISSING_ARGUMENT, d.line(), d.column(),
            "LocalForward needs a listen side and a target: missing target argument",
            "write LocalForward [bind_address:]port host:hostport");
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
        && AlgorithmLists.assemble(v, Algorithms.DEFAULT_KEY_ALGORITHMS, Algorithms.KEY_ALGORITHMS).isEmpty()) {
      // readconf.c dump_client_config and the key exchange build this list and stop on failure
      return bad(0, "HostKeyAlgorithms '" + v + "' selects no algorithm; ssh stops with \"invalid argument\"",
          "name at least one algorithm from 'ssh -Q key'");
    }
    if (!spec.canonical().equals("hostkeyalgorithms") && !negatedName(list)
        && AlgorithmLists.assemble(v, List.of("x"), known).isEmpty()) {
      out.report(SshClientRules.ALGORITHM_LIST_IGNORED, d.line(), d.argumentColumn(0),
          d.keyword() + " '" + v + "' selects no algorithm: ssh reports \"invalid argument\" and leaves this "
              + "and the algorithm lists after it unset",
          "name at least one algorithm from 'ssh -Q " + queryName() + "'");
    }
    if (wildcards && negatedName(list)) {
      // kex.c kex_assemble_names refuses '!' ("invalid argument"): fatal for HostKeyAlgorithms
      // when ssh builds the proposal, logged and skipped for the other key lists
      boolean fatal = spec.canonical().equals("hostkeyalgorithms");
      out.report(fatal ? SshClientRules.BAD_VALUE : SshClientRules.ALGORITHM_LIST_IGNORED, d.line(),
          d.argumentColumn(0), d.keyword() + " '" + v + "': a '!' name is accepted when the file is read but ssh cannot build the list"
              + " from it (\"invalid argument\")" + (fatal ? " and stops" : " and ignores the setting"),
          "remove names with a leading '-' list instead, such as -ssh-dss");
      failed = fatal;
    }
    return 1;
  }

  boolean negatedName(String list) {
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

  String queryName() {
    return switch (spec.type()) {
      case CIPHERS -> "cipher";
      case MACS -> "mac";
      case KEX -> "kex";
      default -> "key-sig";
    };
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

  int include() {
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).value().isEmpty()) {
        return bad(i, "keyword Include has an empty argument", null);
      }
    }
    return a.size();
  }

  int host() {
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).value().isEmpty()) {
        return bad(i, "keyword Host has an empty argument", null);
      }
    }
    return a.size();
  }

  int match(OpensshVersion version) {
    for (MatchCriterion c : d.criteria()) {
      boolean known = switch (c.attribute()) {
        case "all", "canonical", "final", "exec", "host", "originalhost", "user", "localuser" -> true;
        case "tagged", "localnetwork" -> version.atLeast(OpensshVersion.of(9, 4));
        default -> false;
      };
      if (!known) {
        failed = true;
        out.report(SshClientRules.BAD_MATCH, d.line(), c.column(),
            "bad Match condition: unsupported Match attribute \"" + c.attribute() + "\" in OpenSSH " + version,
            "ssh_config Match accepts canonical, final, exec, host, originalhost, user, localuser and all"
                + (version.atLeast(OpensshVersion.of(9, 4)) ? ", tagged, localnetwork" : ""));
        return -1;
      }
    }
    return a.size();
  }
}
