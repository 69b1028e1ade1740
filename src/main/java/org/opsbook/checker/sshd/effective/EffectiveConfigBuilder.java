package org.opsbook.checker.sshd.effective;

import java.util.List;
import java.util.Optional;
import org.opsbook.checker.sshd.catalog.Keyword;
import org.opsbook.checker.sshd.catalog.KeywordCatalog;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.checker.sshd.model.MatchBlock;
import org.opsbook.checker.sshd.model.SshdConfig;

/**
 * Computes what {@code sshd -T [-C spec]} prints for a parsed configuration: the global section
 * (plus {@code Match All} blocks, which sshd applies even when only checking syntax), then, for a
 * connection, the options of every matching Match block laid over it, then defaults for the rest.
 * Pure; safe to call from several threads.
 */
public final class EffectiveConfigBuilder {
  private EffectiveConfigBuilder() {}

  /** The effective configuration, or what would stop {@code sshd -T}. */
  public record Result(EffectiveConfig config, String error, int errorLine) {
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
      if (!d.isInMatch() || isAllBlock(config, d.block())) {
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

  public static Result build(SshdConfig config, ConnectionSpec spec) {
    Settings settings = globalSettings(config);
    Settings matched = new Settings();
    boolean[] blockMatches = new boolean[config.blocks().size()];
    for (int i = 0; i < blockMatches.length; i++) {
      MatchBlock block = config.blocks().get(i);
      MatchEvaluator.Outcome outcome = MatchEvaluator.evaluate(block, spec);
      if (outcome.error() != null) {
        return new Result(null, outcome.error(), block.line());
      }
      blockMatches[i] = outcome.matches();
    }
    for (Directive d : config.directives()) {
      if (d.isInMatch() && blockMatches[d.block()]) {
        Keyword kw = KeywordCatalog.find(d.keyword()).orElse(null);
        if (kw != null && kw.matchAllowed()) {
          matched.apply(d);
        }
      }
    }
    settings.overlay(matched);
    EffectiveConfig out = DumpWriter.write(settings);
    Optional<String> assemblyError = DumpWriter.assemblyError(settings);
    if (assemblyError.isPresent()) {
      return new Result(null, assemblyError.get(), 0);
    }
    return new Result(out, null, 0);
  }

  private static boolean isAllBlock(SshdConfig config, int index) {
    MatchBlock b = config.blocks().get(index);
    return b.valid() && b.isAll();
  }

  /** The blocks that apply to a connection, for explaining a test failure. */
  public static List<MatchBlock> matchingBlocks(SshdConfig config, ConnectionSpec spec) {
    return config.blocks().stream().filter(b -> MatchEvaluator.evaluate(b, spec).matches()).toList();
  }
}
