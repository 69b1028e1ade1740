package org.opsbook.checker.sshd.effective;

import java.util.List;
import java.util.Optional;
import org.opsbook.checker.sshd.catalogue.Keyword;
import org.opsbook.checker.sshd.catalogue.KeywordCatalogue;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.checker.sshd.model.MatchBlock;
import org.opsbook.checker.sshd.model.SshdConfig;

/**
 * Computes what {@code sshd -T [-C spec]} prints for a loaded configuration. sshd reads the files
 * twice: once without a connection, where only the global section and {@code Match All} blocks
 * apply, and once for the connection, where the lines under matching Match blocks (every block of
 * their chain matching) are read again and laid over the global values; then defaults fill the
 * rest. Pure; safe to call from several threads.
 */
public final class EffectiveConfigBuilder {
  private EffectiveConfigBuilder() {}

  /** The effective configuration, or what would stop {@code sshd -T}. */
  public record Result(EffectiveConfig config, String error, int errorBlock) {
    public Optional<EffectiveConfig> value() {
      return Optional.ofNullable(config);
    }
  }

  /** The configuration with no connection: what {@code sshd -T} prints without {@code -C}. */
  public static EffectiveConfig global(SshdConfig config) {
    return DumpWriter.write(globalSettings(config));
  }

  static Settings globalSettings(SshdConfig config) {
    Settings settings = new Settings();
    for (Directive d : config.directives()) {
      if (config.appliesGlobally(d.chain())) {
        settings.apply(d);
      }
    }
    // servconf.c fill_default_server_options(): a global "ChannelTimeout none" means no list at
    // all; the same word from a Match block is copied in afterwards and printed.
    List<Directive> timeouts = settings.get("channeltimeout");
    if (!timeouts.isEmpty() && timeouts.get(0).args().size() == 1
        && timeouts.get(0).firstValue().equalsIgnoreCase("none")) {
      settings.clear("channeltimeout");
    }
    return settings;
  }

  /** Which Match blocks apply to a connection, or the error that stops sshd -T while deciding it. */
  public record Matching(boolean[] matches, String error, int errorBlock) {}

  /**
   * servconf.c match_cfg_line() for every block, in reading order. A block under a non-matching
   * block (its file was included there) is only checked for syntax, as sshd's NEVERMATCH does.
   */
  public static Matching match(SshdConfig config, ConnectionSpec spec) {
    boolean[] matches = new boolean[config.blocks().size()];
    for (int i = 0; i < matches.length; i++) {
      MatchBlock block = config.blocks().get(i);
      boolean reachable = block.enclosing().stream().allMatch(b -> matches[b]);
      if (!reachable) {
        continue;
      }
      MatchEvaluator.Outcome outcome = MatchEvaluator.evaluate(block, spec);
      if (outcome.error() != null) {
        return new Matching(matches, outcome.error(), i);
      }
      matches[i] = outcome.matches();
    }
    return new Matching(matches, null, -1);
  }

  public static Result build(SshdConfig config, ConnectionSpec spec) {
    Matching matching = match(config, spec);
    if (matching.error() != null) {
      return new Result(null, matching.error(), matching.errorBlock());
    }
    boolean[] blockMatches = matching.matches();
    Settings settings = globalSettings(config);
    Settings matched = new Settings();
    for (Directive d : config.directives()) {
      if (!d.isInMatch() || !d.chain().stream().allMatch(b -> blockMatches[b])) {
        continue;
      }
      Keyword kw = KeywordCatalogue.find(d.keyword()).orElse(null);
      if (kw != null && kw.matchAllowed()) {
        if (kw.lowerName().equals("authenticationmethods") && !matched.get("authenticationmethods").isEmpty()
            && d.args().stream().anyMatch(a -> a.text().equals("any"))) {
          // servconf.c: once a matching block stored methods, a later "any" is fatal.
          return new Result(null, config.where(d.file(), d.line())
              + ": \"any\" must appear alone in AuthenticationMethods", d.block());
        }
        matched.apply(d);
      }
    }
    settings.overlay(matched);
    Optional<String> assemblyError = DumpWriter.assemblyError(settings);
    if (assemblyError.isPresent()) {
      return new Result(null, assemblyError.get(), -1);
    }
    return new Result(DumpWriter.write(settings), null, -1);
  }

  /** The blocks that apply to a connection, for explaining a test failure. */
  public static List<MatchBlock> matchingBlocks(SshdConfig config, ConnectionSpec spec) {
    boolean[] m = match(config, spec).matches();
    return java.util.stream.IntStream.range(0, m.length).filter(i -> m[i]).mapToObj(config.blocks()::get).toList();
  }
}
