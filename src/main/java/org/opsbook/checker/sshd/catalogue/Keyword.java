package org.opsbook.checker.sshd.catalogue;

import org.opsbook.checker.openssh.KeywordStatus;

import org.opsbook.checker.openssh.OpensshVersion;

import java.util.Locale;
import java.util.Objects;

/**
 * One sshd_config keyword as a given release knows it.
 *
 * @param name the spelling sshd_config(5) uses, such as {@code PermitRootLogin}
 * @param kind the grammar of its arguments
 * @param matchAllowed whether it may appear inside a {@code Match} block (servconf.c SSHCFG_MATCH)
 * @param status how sshd treats it
 * @param since the first release whose sshd accepts it
 * @param changedIn the release that deprecated it (for {@link KeywordStatus#DEPRECATED} and
 *     {@link KeywordStatus#IGNORED}), or {@code null}
 * @param canonical for an alias, the keyword it stands for; otherwise {@link #name()}
 * @param multiplicity what repeating it does
 * @param note for deprecated, ignored and unsupported keywords: what actually happens and what to do
 * @param vendor {@code null} for upstream OpenSSH, else the distribution patch that adds it
 */
public record Keyword(
    String name,
    ArgKind kind,
    boolean matchAllowed,
    KeywordStatus status,
    OpensshVersion since,
    OpensshVersion changedIn,
    String canonical,
    Multiplicity multiplicity,
    String note,
    String vendor) {

  public Keyword {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(canonical, "canonical");
    Objects.requireNonNull(multiplicity, "multiplicity");
  }

  /** The lower-case name sshd matches case-insensitively and {@code sshd -T} prints. */
  public String lowerName() {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Whether the release parses the arguments (rather than skipping them as a dead keyword). */
  public boolean isLive(OpensshVersion release) {
    return switch (status) {
      case ACTIVE, ALIAS, PLATFORM_UNSUPPORTED, VENDOR -> true;
      case UNSUPPORTED -> false;
      case DEPRECATED, IGNORED -> changedIn != null && release.isBefore(changedIn);
    };
  }
}
