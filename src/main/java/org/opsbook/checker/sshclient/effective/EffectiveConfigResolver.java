package org.opsbook.checker.sshclient.effective;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opsbook.checker.sshclient.catalogue.ForwardSpec;
import org.opsbook.checker.sshclient.catalogue.KeywordCatalogue;
import org.opsbook.checker.sshclient.catalogue.KeywordSpec;
import org.opsbook.checker.openssh.OpensshVersion;
import org.opsbook.checker.sshclient.catalogue.ProxyJumpSpec;
import org.opsbook.checker.sshclient.catalogue.ValueType;
import org.opsbook.checker.openssh.WildcardPattern;
import org.opsbook.checker.sshclient.model.Argument;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.MatchCriterion;
import org.opsbook.checker.sshclient.model.SshConfig;

/**
 * Applies an ssh_config to one destination as ssh does (readconf.c): Host and Match blocks switch
 * lines on and off, the first value obtained wins, a few keywords accumulate, and a second pass
 * runs when a Match line asks for {@code final}. The config must be free of errors. Stateless.
 */
public final class EffectiveConfigResolver {
  private EffectiveConfigResolver() {}

  /** The mutable state of one resolution, confined to a call. */
  static final class Options {
    final Map<String, Directive> first = new HashMap<>();
    final List<String> identityFiles = new ArrayList<>();
    final List<String> certificateFiles = new ArrayList<>();
    final List<ForwardSpec> localForwards = new ArrayList<>();
    final List<ForwardSpec> remoteForwards = new ArrayList<>();
    final List<String> sendEnv = new ArrayList<>();
    final List<String> setEnv = new ArrayList<>();
    String user;
    String hostname;
    String proxyCommand;
    ProxyJumpSpec jump;
    String jumpText;
  }

  public static EffectiveConfig resolve(SshConfig config, ConnectionSpec spec, OpensshVersion version) {
    Options o = new Options();
    o.user = spec.user();
    boolean wantFinal = pass(config, spec, version, o, false, spec.host());
    String host = expandHostname(o, spec.host());
    String canon = first(o, "canonicalizehostname");
    if (wantFinal || (canon != null && !isNo(canon))) {
      o.hostname = host;
      pass(config, spec, version, o, true, host);
    }
    return DumpFormatter.dump(o, spec, host);
  }

  private static String expandHostname(Options o, String hostArg) {
    String host = hostArg;
    Directive hn = o.first.get("hostname");
    if (hn != null) {
      host = hn.firstValue().replace("%%", "\u0000").replace("%h", hostArg).replace('\u0000', '%');
    }
    return isAddress(host) ? host : host.toLowerCase(Locale.ROOT);
  }

  static boolean isAddress(String h) {
    return h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || h.contains(":");
  }

  /** One read of the file; returns whether a Match line asked for a final pass. */
  private static boolean pass(SshConfig config, ConnectionSpec spec, OpensshVersion version, Options o,
      boolean finalPass, String finalHost) {
    boolean active = true;
    boolean wantFinal = false;
    for (Directive d : config.directives()) {
      if (d.isHost()) {
        active = hostMatches(d, spec.host());
        continue;
      }
      if (d.isMatch()) {
        for (MatchCriterion c : d.criteria()) {
          wantFinal |= c.attribute().equals("final");
        }
        active = matchMatches(d, spec, o, finalPass);
        continue;
      }
      if (!active) {
        continue;
      }
      Optional<KeywordSpec> ks = KeywordCatalogue.lookup(d.name(), version);
      if (ks.isEmpty()) {
        continue;
      }
      apply(d, ks.get(), o);
    }
    return wantFinal;
  }

  static boolean hostMatches(Directive d, String host) {
    boolean active = false;
    for (Argument a : d.arguments()) {
      String p = a.value();
      boolean negated = p.startsWith("!");
      if (WildcardPattern.matches(host, negated ? p.substring(1) : p)) {
        if (negated) {
          return false;
        }
        active = true;
      }
    }
    return active;
  }

  private static boolean matchMatches(Directive d, ConnectionSpec spec, Options o, boolean finalPass) {
    String host;
    if (finalPass) {
      host = o.hostname;
    } else if (o.first.containsKey("hostname")) {
      host = o.first.get("hostname").firstValue().replace("%h", spec.host());
    } else {
      host = spec.host();
    }
    String ruser = o.user != null ? o.user : firstValue(o, "user", spec.localUser());
    boolean result = true;
    for (MatchCriterion c : d.criteria()) {
      boolean r;
      switch (c.attribute()) {
        case "all" -> r = true;
        case "canonical", "final" -> r = finalPass;
        case "host" -> r = WildcardPattern.matchList(host.toLowerCase(Locale.ROOT), c.argument(), true) == 1;
        case "originalhost" -> r = WildcardPattern.matchList(spec.host().toLowerCase(Locale.ROOT), c.argument(), true) == 1;
        case "user" -> r = WildcardPattern.matchList(ruser, c.argument(), false) == 1;
        case "localuser" -> r = WildcardPattern.matchList(spec.localUser(), c.argument(), false) == 1;
        case "exec" -> r = spec.execSucceeds();
        default -> r = false;
      }
      if (r == c.negated()) {
        result = false;
      }
    }
    return result;
  }

  private static String firstValue(Options o, String key, String fallback) {
    Directive d = o.first.get(key);
    return d == null ? fallback : d.firstValue();
  }

  static String first(Options o, String key) {
    Directive d = o.first.get(key);
    return d == null ? null : d.firstValue();
  }

  private static boolean isNo(String v) {
    return v.equalsIgnoreCase("no") || v.equalsIgnoreCase("false");
  }

  private static void apply(Directive d, KeywordSpec spec, Options o) {
    String key = spec.canonical();
    List<Argument> args = d.arguments();
    if (args.isEmpty() && spec.type() != ValueType.COMMAND && spec.type() != ValueType.PROXY_JUMP) {
      return; // a list keyword with only a comment adds nothing and leaves the option unset
    }
    switch (spec.type()) {
      case IGNORED, INCLUDE, HOST, MATCH, ANY -> { }
      case LOCAL_FORWARD, DYNAMIC_FORWARD, REMOTE_FORWARD -> {
        boolean remote = spec.type() == ValueType.REMOTE_FORWARD;
        boolean dynamic = spec.type() == ValueType.DYNAMIC_FORWARD || args.size() < 2;
        String text = dynamic ? args.get(0).value() : args.get(0).value() + ":" + args.get(1).value();
        ForwardSpec.parse(text, dynamic, remote).ifPresent(f -> (remote ? o.remoteForwards : o.localForwards).add(f));
      }
      case SEND_ENV -> {
        for (Argument a : args) {
          if (a.value().startsWith("-")) {
            o.sendEnv.removeIf(e -> WildcardPattern.matches(e, a.value().substring(1)));
          } else {
            o.sendEnv.add(a.value());
          }
        }
      }
      case SET_ENV -> {
        if (!o.first.containsKey(key)) {
          o.first.put(key, d);
          for (Argument a : args) {
            String name = a.value().substring(0, a.value().indexOf('='));
            if (o.setEnv.stream().noneMatch(e -> e.startsWith(name + "="))) {
              o.setEnv.add(a.value());
            }
          }
        }
      }
      case COMMAND -> {
        if (key.equals("proxycommand") && o.jump != null) {
          return; // readconf.c: ProxyCommand is ignored once ProxyJump is set
        }
        if (key.equals("proxycommand")) {
          if (o.proxyCommand == null) {
            o.proxyCommand = d.rest();
          }
        } else {
          o.first.putIfAbsent(key, d);
        }
      }
      case PROXY_JUMP -> {
        if (o.proxyCommand != null || o.jump != null) {
          return;
        }
        String clean = ProxyJumpSpec.effectiveText(d.rest());
        ProxyJumpSpec.parse(clean).ifPresent(j -> {
          o.jump = j;
          o.jumpText = clean;
          if (!j.host().equals("none") || j.port() != 0) {
            o.proxyCommand = "none";
          }
        });
      }
      case TIME -> {
        // readconf.c parse_time: "none" stores -1, the unset marker, so a later line can still set it
        if (!args.get(0).value().equals("none")) {
          o.first.putIfAbsent(key, d);
        }
      }
      default -> {
        if (key.equals("identityfile")) {
          o.identityFiles.add(args.get(0).value());
        } else if (key.equals("certificatefile")) {
          o.certificateFiles.add(args.get(0).value());
        } else if (key.equals("user")) {
          if (o.user == null) {
            o.user = args.get(0).value();
          }
        } else {
          o.first.putIfAbsent(key, d);
        }
      }
    }
  }
}
