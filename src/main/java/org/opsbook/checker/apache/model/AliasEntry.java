package org.opsbook.checker.apache.model;

import java.util.regex.Pattern;

/**
 * A parsed {@code Alias}, {@code AliasMatch}, {@code ScriptAlias}, {@code Redirect} or
 * {@code RedirectMatch} (mod_alias.c).
 *
 * @param redirect a Redirect rather than an Alias
 * @param fake the URL-path or pattern matched; for the one-argument form in a section, {@code null}
 * @param real the target path or URL; {@code null} for a status without a target
 * @param regex for the Match forms, the compiled pattern ({@code null} when opsbook cannot run it)
 * @param match a Match form
 * @param status for a redirect, its status
 * @param script a ScriptAlias
 */
public record AliasEntry(boolean redirect, String fake, String real, Pattern regex, boolean match, int status,
    boolean script) {}
