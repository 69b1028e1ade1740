package org.opsbook.checker.apache.model;

import java.util.List;

/**
 * The flags of a RewriteRule as mod_rewrite records them (RULEFLAG_* and the fields beside them).
 *
 * @param status the response code for {@code R} or {@code F}/{@code G}; 302 unless set
 * @param statusOnly RULEFLAG_STATUS: a non-redirect {@code R=}, {@code F} or {@code G} ends with that status
 * @param noSubstitution RULEFLAG_NOSUB: the substitution is {@code -} (or forced so by a status)
 * @param maxRounds for {@code N}, how many rounds (10000 by default)
 * @param env the {@code E=} values, unexpanded
 * @param cookies the {@code CO=} values, unexpanded
 * @param qsNone RULEFLAG_QSNONE: the query string is dropped (a trailing {@code ?}, or {@code QSD})
 */
public record RewriteFlags(boolean chain, boolean last, boolean end, boolean next, int maxRounds, boolean redirect,
    int status, boolean statusOnly, boolean noSubstitution, boolean proxy, boolean passThrough, boolean noCase,
    boolean noEscape, boolean noSubRequest, boolean qsAppend, boolean qsDiscard, boolean qsLast, boolean qsNone,
    boolean discardPathInfo, boolean escapeBackrefs, int skip, String type, String handler, List<String> env,
    List<String> cookies, boolean other) {
  public RewriteFlags {
    env = List.copyOf(env);
    cookies = List.copyOf(cookies);
  }
}
