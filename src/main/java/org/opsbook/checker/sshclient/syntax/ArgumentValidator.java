package org.opsbook.checker.sshclient.syntax;

import org.opsbook.checker.sshclient.catalogue.KeywordSpec;
import org.opsbook.checker.openssh.OpensshVersion;
import org.opsbook.checker.openssh.Algorithms;
import org.opsbook.check.Findings;
import org.opsbook.checker.sshclient.rules.SshClientRules;
import java.util.List;
import java.util.Set;
import org.opsbook.checker.sshclient.model.Argument;
import org.opsbook.checker.sshclient.model.Directive;

/**
 * Checks a directive's arguments the way readconf.c process_config_line does, producing an error
 * wherever ssh would count a bad configuration option and refuse to run.
 */
public final class ArgumentValidator {
  private static final Set<String> LOG_LEVELS =
      Set.of("quiet", "fatal", "error", "info", "verbose", "debug", "debug1", "debug2", "debug3");
  private static final Set<String> FACILITIES = Set.of("daemon", "user", "auth", "authpriv",
      "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7");
  private static final Set<String> DIGESTS = Set.of("md5", "sha1", "sha256", "sha384", "sha512");

  private ArgumentValidator() {}

  /** Findings for one directive whose keyword is known; adds nothing when ssh accepts it. */
  public static void validate(Directive d, KeywordSpec spec, OpensshVersion version, Findings out) {
    ValueArgumentCheck c = new ValueArgumentCheck(d, spec, out);
    ListArgumentCheck l = new ListArgumentCheck(d, spec, out);
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
      case PATH_LIST, LOG_VERBOSE -> used = l.listWithNone();
      case CANONICAL_DOMAINS -> used = l.domains();
      case PERMITTED_CNAMES -> used = l.cnames();
      case PROXY_JUMP -> used = l.proxyJump();
      case LOCAL_FORWARD, REMOTE_FORWARD, DYNAMIC_FORWARD -> used = l.forward();
      case PERMIT_REMOTE_OPEN -> used = l.permitRemoteOpen();
      case CIPHERS -> used = l.algorithms(Algorithms.CIPHERS, false, "cipher spec");
      case MACS -> used = l.algorithms(Algorithms.MACS, false, "MAC spec");
      case KEX -> used = l.algorithms(Algorithms.KEX, false, "KexAlgorithms");
      case KEY_ALGORITHMS -> used = l.algorithms(Algorithms.KEY_ALGORITHMS, true, "key types");
      case LOG_LEVEL -> used = c.named(LOG_LEVELS, "unsupported log level");
      case LOG_FACILITY -> used = c.named(FACILITIES, "unsupported log facility");
      case ESCAPE_CHAR -> used = c.escapeChar();
      case SEND_ENV -> used = l.sendEnv();
      case SET_ENV -> used = l.setEnv();
      case CONTROL_PERSIST -> used = c.controlPersist();
      case TUNNEL_DEVICE -> used = c.tunnelDevice();
      case INCLUDE -> used = l.include();
      case IP_QOS -> used = c.ipqos();
      case BIND_MASK -> used = c.mask();
      case FINGERPRINT_HASH -> used = c.named(DIGESTS, "invalid hash algorithm");
      case ADD_KEYS_TO_AGENT -> used = c.addKeysToAgent();
      case IDENTITY_AGENT -> used = c.agentPath(true);
      case FORWARD_AGENT -> used = c.agentPath(false);
      case REKEY_LIMIT -> used = c.rekeyLimit();
      case HOST -> used = l.host();
      case MATCH -> used = l.match(version);
      default -> throw new IllegalStateException("unhandled type " + spec.type());
    }
    if (!c.failed && !l.failed && used >= 0 && used < a.size()) {
      out.report(SshClientRules.EXTRA_ARGUMENTS, d.line(), a.get(used).column(),
          "keyword " + d.keyword() + " takes " + (used == 1 ? "one argument" : used + " arguments")
              + "; ssh rejects the extra \"" + a.get(used).value() + "\"",
          "quote a value that contains spaces, or delete the extra words");
    }
  }
}
