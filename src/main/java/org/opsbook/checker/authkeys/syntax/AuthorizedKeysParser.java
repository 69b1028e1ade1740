package org.opsbook.checker.authkeys.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opsbook.checker.authkeys.model.AuthorizedKeys;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.checker.authkeys.model.KeyOption;
import org.opsbook.checker.authkeys.model.PublicKeyInfo;
import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.authkeys.rules.AuthorizedKeysRules;

/**
 * Parses authorized_keys text as sshd(8) reads it (AUTHORIZED_KEYS FILE FORMAT): a line is
 * {@code [options] keytype base64 [comment]}; options are comma-separated, with no blanks outside
 * double quotes. Problems that make sshd skip a line are errors. Stateless and thread-safe.
 */
public final class AuthorizedKeysParser {
  /** Key types sshd 9.2 reads (sshkey.c keyimpls), plain and certificate forms. */
  public static final Set<String> KEY_TYPES = Set.of(
      "ssh-ed25519", "ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521", "sk-ecdsa-sha2-nistp256@openssh.com", "sk-ssh-ed25519@openssh.com",
      "ssh-ed25519-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com", "ssh-dss-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com", "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com");

  private AuthorizedKeysParser() {}

  /** A deferred finding: a line's option error counts only once its key reads. */
  private record Pending(RuleInfo rule, int line, int column, String message, String hint) {}

  /** Reads every key line, reporting what makes sshd skip a line to {@code findings}. */
  public static AuthorizedKeys parse(String text, Findings findings) {
    List<KeyLine> keys = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      int p = skipBlanks(line, 0);
      if (p >= line.length() || line.charAt(p) == '#') {
        continue;
      }
      keys.add(parseLine(line, p, i + 1, keys.size() + 1, findings));
    }
    return new AuthorizedKeys(keys);
  }

  private static KeyLine parseLine(String line, int start, int lineNo, int index, Findings findings) {
    List<KeyOption> options = new ArrayList<>();
    boolean optionsValid = true;
    int p = start;
    String firstWord = word(line, p);
    Pending optionError = null;
    if (!KEY_TYPES.contains(firstWord)) {
      int end = optionsEnd(line, p);
      String error = OptionLexer.parse(line.substring(p, end), p + 1, options);
      if (error != null) {
        // sshd ignores the whole line, so none of its options are in force
        optionsValid = false;
        options.clear();
        int col = Integer.parseInt(error.substring(1, error.indexOf(' ')));
        optionError = new Pending(AuthorizedKeysRules.BAD_OPTION, lineNo, col,
            "bad key options: " + error.substring(error.indexOf(' ') + 1)
                + "; sshd ignores this whole line, so the key cannot log in",
            "options are comma-separated with no spaces outside double quotes, e.g. from=\"10.0.0.0/8\",no-pty");
      }
      p = skipBlanks(line, end);
    }
    String type = word(line, p);
    int typeColumn = p + 1;
    if (type.isEmpty()) {
      findings.report(AuthorizedKeysRules.UNKNOWN_KEY_TYPE, lineNo, typeColumn,
          "no key after the options; sshd skips this line", "write options, then the key type and the base64 key");
      return new KeyLine(lineNo, index, options, optionsValid, "", typeColumn, Optional.empty(), "");
    }
    if (!KEY_TYPES.contains(type)) {
      findings.report(AuthorizedKeysRules.UNKNOWN_KEY_TYPE, lineNo, typeColumn,
          "unknown key type \"" + type + "\"; sshd cannot read this line",
          p > start ? "sshd read \"" + line.substring(start, Math.max(start, p - 1)).strip()
                  + "\" as the options: a blank outside double quotes ends them, so check for a space after a comma"
              : "use the type ssh-keygen wrote, such as ssh-ed25519 or ecdsa-sha2-nistp256");
      return new KeyLine(lineNo, index, options, optionsValid, type, typeColumn, Optional.empty(), "");
    }
    p = skipBlanks(line, p + type.length());
    String blob = word(line, p);
    int blobColumn = p + 1;
    String comment = line.substring(Math.min(line.length(), skipBlanks(line, p + blob.length()))).strip();
    if (blob.isEmpty()) {
      findings.report(AuthorizedKeysRules.BAD_KEY, lineNo, blobColumn,
          "key type " + type + " without key data; sshd skips this line", "paste the whole .pub line");
      return new KeyLine(lineNo, index, options, optionsValid, type, typeColumn, Optional.empty(), comment);
    }
    KeyBlobDecoder.Decoded decoded = KeyBlobDecoder.decode(blob);
    if (decoded.key().isEmpty()) {
      findings.report(AuthorizedKeysRules.BAD_KEY, lineNo, blobColumn,
          "invalid key: " + decoded.problem() + "; sshd skips this line",
          "copy the key again from the .pub file; it is one unbroken line");
      return new KeyLine(lineNo, index, options, optionsValid, type, typeColumn, Optional.empty(), comment);
    }
    PublicKeyInfo info = decoded.key().get();
    if (!info.blobType().equals(type)) {
      findings.report(AuthorizedKeysRules.TYPE_MISMATCH, lineNo, typeColumn,
          "the line says " + type + " but the key data is a " + info.blobType() + " key; sshd rejects it",
          "write " + info.blobType() + " as the key type");
      return new KeyLine(lineNo, index, options, optionsValid, type, typeColumn, Optional.empty(), comment);
    }
    if (info.blobType().startsWith("ssh-rsa") && info.bits() < 1024) {
      findings.report(AuthorizedKeysRules.BAD_KEY, lineNo, blobColumn,
          "RSA key of " + info.bits() + " bits: OpenSSH refuses RSA keys under 1024 bits (invalid key length)",
          "generate a new key: ssh-keygen -t ed25519");
      return new KeyLine(lineNo, index, options, optionsValid, type, typeColumn, Optional.empty(), comment);
    }
    if (optionError != null) {
      findings.report(optionError.rule(), optionError.line(), optionError.column(), optionError.message(),
          optionError.hint());
    }
    return new KeyLine(lineNo, index, options, optionsValid, type, typeColumn, decoded.key(), comment);
  }

  private static int skipBlanks(String s, int p) {
    while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
      p++;
    }
    return p;
  }

  private static String word(String s, int p) {
    int e = p;
    while (e < s.length() && s.charAt(e) != ' ' && s.charAt(e) != '\t') {
      e++;
    }
    return s.substring(Math.min(p, s.length()), e);
  }

  /** sshkey_advance_past_options: options end at the first blank outside double quotes. */
  private static int optionsEnd(String s, int p) {
    boolean quoted = false;
    for (; p < s.length(); p++) {
      char c = s.charAt(p);
      if (!quoted && (c == ' ' || c == '\t')) {
        break;
      }
      if (c == '\\' && p + 1 < s.length() && s.charAt(p + 1) == '"') {
        p++;
      } else if (c == '"') {
        quoted = !quoted;
      }
    }
    return p;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
