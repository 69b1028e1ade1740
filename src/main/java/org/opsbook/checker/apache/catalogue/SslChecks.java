package org.opsbook.checker.apache.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opsbook.checker.apache.model.ConfWords;
import org.opsbook.checker.apache.model.Problem;

/**
 * mod_ssl's directives (ssl_engine_config.c). Debian's OpenSSL 3 is built without SSLv3, so
 * enabling it is refused; turning it off is accepted.
 */
final class SslChecks {
  private SslChecks() {}

  static void register(Map<String, DirectiveCheck> m) {
    m.put("sslengine", DirectiveChecks.oneOf("Argument must be On, Off, or Optional", "on", "off", "optional"));
    m.put("sslprotocol", SslChecks::protocol);
    m.put("sslproxyprotocol", SslChecks::protocol);
    m.put("sslciphersuite", SslChecks::cipherSuite);
    m.put("sslproxyciphersuite", SslChecks::cipherSuite);
    m.put("sslverifyclient", call -> verifyClient(call));
    m.put("sslproxyverify", call -> verifyClient(call));
    m.put("sslverifydepth", SslChecks::depth);
    m.put("sslproxyverifydepth", SslChecks::depth);
    m.put("sslsessioncache", call -> cache(call, "SSLSessionCache", "session"));
    m.put("sslstaplingcache", call -> cache(call, "SSLStaplingCache", "stapling"));
  }

  /** ssl_cmd_protocol_parse; the value is the list of enabled protocols. */
  private static void protocol(Call call) {
    java.util.Set<String> on = new java.util.TreeSet<>();
    List<String> all = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    for (ConfWords.Word word : call.words()) {
      String w = word.value();
      char action = w.startsWith("+") || w.startsWith("-") ? w.charAt(0) : 0;
      String p = action == 0 ? w : w.substring(1);
      String l = p.toLowerCase(Locale.ROOT);
      List<String> these;
      if (l.equals("sslv2") || l.equals("sslv3")) {
        if (action == '-') {
          continue;
        }
        call.fail(Problem.Kind.ARGUMENTS, call.at(word), l.equals("sslv2") ? "SSLProtocol: SSLv2 is no longer supported"
            : "SSLv3 not supported by this version of OpenSSL", "SSLProtocol -all +TLSv1.2 +TLSv1.3");
        return;
      } else if (l.equals("all")) {
        these = all;
      } else {
        String canon = all.stream().filter(a -> a.equalsIgnoreCase(p)).findFirst().orElse(null);
        if (canon == null) {
          call.fail(Problem.Kind.ARGUMENTS, call.at(word), call.name() + ": Illegal protocol '" + p + "'",
              "protocols are all, TLSv1, TLSv1.1, TLSv1.2, TLSv1.3, each with + or -");
          return;
        }
        these = List.of(canon);
      }
      if (action == '-') {
        on.removeAll(these);
      } else if (action == '+') {
        on.addAll(these);
      } else {
        if (!on.isEmpty()) {
          call.warn(call.at(word), call.name() + ": Protocol '" + p + "' overrides already set parameter(s). Check if a +/- "
              + "prefix is missing.", "write +" + p + " to add it");
        }
        on.clear();
        on.addAll(these);
      }
    }
    call.value(java.util.Set.copyOf(on));
  }

  private static void cipherSuite(Call call) {
    List<String> w = ArgForms.values(call.args());
    if (w.size() == 2) {
      String proto = w.get(0);
      if (proto.equals("TLSv1.3") && call.state.path != null) {
        call.fail(Problem.Kind.ARGUMENTS, "TLSv1.3 ciphers cannot be set inside a directory context", null);
      } else if (!proto.equals("SSL") && !proto.equals("TLSv1.3")) {
        call.fail(Problem.Kind.ARGUMENTS, call.at(0), "protocol '" + proto + "' not supported",
            "SSLCipherSuite [SSL|TLSv1.3] cipher-spec");
      }
    }
  }

  private static void verifyClient(Call call) {
    String v = call.directive.word(0).toLowerCase(Locale.ROOT);
    if (!List.of("none", "off", "optional", "require", "on", "optional_no_ca").contains(v)) {
      call.fail(Problem.Kind.ARGUMENTS, call.at(0), call.name() + ": Invalid argument '" + call.directive.word(0) + "'",
          "none, optional, require or optional_no_ca");
    }
  }

  private static void depth(Call call) {
    if (CoreChecks.atoi(call.directive.word(0)) < 0) {
      call.fail(Problem.Kind.ARGUMENTS, call.at(0), call.name() + ": Invalid argument '" + call.directive.word(0) + "'", null);
    }
  }

  /** ssl_cmd_SSLSessionCache: none, nonenotnull, or a socache provider of a loaded module. */
  private static void cache(Call call, String name, String what) {
    String arg = call.directive.word(0);
    String l = arg.toLowerCase(Locale.ROOT);
    if (name.equals("SSLSessionCache") && (l.equals("none") || l.equals("nonenotnull"))) {
      return;
    }
    int colon = arg.indexOf(':');
    String provider = colon < 0 ? arg : arg.substring(0, colon);
    List<String> known = List.of("shmcb", "dbm", "memcache", "redis");
    if (!known.contains(provider) || !call.modules().has("socache_" + provider)) {
      StringBuilder names = new StringBuilder();
      for (String k : known) {
        if (call.modules().has("socache_" + k)) {
          names.append(names.length() == 0 ? "" : ",").append(k);
        }
      }
      call.fail(Problem.Kind.ARGUMENTS, call.at(0), name + ": '" + provider + "' " + what + " cache not supported (known names: "
          + names + "). Maybe you need to load the appropriate socache module (mod_socache_" + provider + "?).",
          "shmcb:/var/run/apache2/ssl_scache(512000) works with socache_shmcb, which a2enmod ssl enables");
    }
  }
}
