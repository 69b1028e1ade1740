package org.opsbook.checker.apache.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opsbook.checker.apache.model.ConfWords;
import org.opsbook.checker.apache.model.Problem;
import org.opsbook.checker.apache.text.Pcre;

/** Handler checks of the smaller modules: mod_dir, mod_setenvif, mod_expires, mod_deflate, mod_log_config. */
final class ModuleChecks {
  private ModuleChecks() {}

  private static final java.util.Set<String> INDEX_OPTIONS = java.util.Set.of("fancyindexing", "foldersfirst",
      "htmltable", "iconsarelinks", "ignorecase", "ignoreclient", "scanhtmltitles", "suppresscolumnsorting",
      "suppressdescription", "suppresshtmlpreamble", "suppressicon", "suppresslastmodified", "suppressrules",
      "suppresssize", "trackmodified", "versionsort", "xhtml", "showforbidden", "addaltclass", "charset",
      "descriptionwidth", "iconheight", "iconwidth", "namewidth", "type", "none", "usedoldirs");
  /** Authn providers and the module that registers each. */
  private static final Map<String, String> AUTHN_PROVIDERS = Map.of("file", "authn_file", "dbm", "authn_dbm",
      "anon", "authn_anon", "dbd", "authn_dbd", "socache", "authn_socache", "ldap", "authnz_ldap");

  static void register(Map<String, DirectiveCheck> m) {
    m.put("directoryslash", call -> { });
    // mod_reqtimeout.c, set_reqtimeouts and set_reqtimeout_param: key=TIMEOUT[-MAX][,MinRate=RATE].
    m.put("requestreadtimeout", call -> {
      for (ConfWords.Word w : call.words()) {
        String word = w.value();
        int eq = word.indexOf('=');
        if (eq < 0) {
          call.fail(Problem.Kind.ARGUMENTS, call.at(w),
              "Invalid RequestReadTimeout parameter. Parameter must be in the form 'key=value'", null);
          return;
        }
        String key = word.substring(0, eq);
        String val = word.substring(eq + 1);
        String err = reqTimeoutProblem(key, val);
        if (err != null) {
          call.fail(Problem.Kind.ARGUMENTS, call.at(w), "RequestReadTimeout: " + key + "=" + val + ": " + err,
              "header=20-40,MinRate=500 body=20,MinRate=500");
          return;
        }
      }
    });
    // mod_negotiation.c, set_force_priority
    // The flags accumulate in the section's configuration; at the main server's level that already
    // holds Debian's negotiation.conf (ForceLanguagePriority Prefer Fallback), so None is refused there.
    m.put("forcelanguagepriority", call -> {
      boolean set = !call.state.inDirectoryContext() && !call.state.isVirtualHost() && !call.state.isHtaccess();
      boolean none = false;
      for (ConfWords.Word w : call.words()) {
        String v = w.value().toLowerCase(Locale.ROOT);
        if (v.equals("none")) {
          if (set) {
            call.fail(Problem.Kind.ARGUMENTS, call.at(w), "Cannot combine ForceLanguagePriority options with None",
                "at server level Debian's negotiation.conf has set Prefer Fallback already; use None in a section");
            return;
          }
          none = true;
        } else if (v.equals("prefer") || v.equals("fallback")) {
          if (none) {
            call.fail(Problem.Kind.ARGUMENTS, call.at(w), "Cannot combine ForceLanguagePriority options None and "
                + w.value(), "None, or Prefer and/or Fallback");
            return;
          }
          set = true;
        } else {
          call.fail(Problem.Kind.ARGUMENTS, call.at(w), "Invalid ForceLanguagePriority option " + w.value(),
              "None, or Prefer and/or Fallback");
          return;
        }
      }
    });
    // mod_autoindex.c, add_opts: each word, with an optional + or -, is one of these.
    m.put("indexoptions", call -> {
      for (ConfWords.Word w : call.words()) {
        String v = w.value().toLowerCase(Locale.ROOT);
        if (v.startsWith("+") || v.startsWith("-")) {
          v = v.substring(1);
        }
        String key = v.indexOf('=') < 0 ? v : v.substring(0, v.indexOf('='));
        if (!INDEX_OPTIONS.contains(key)) {
          call.fail(Problem.Kind.ARGUMENTS, call.at(w), "Invalid directory indexing option", "IndexOptions FancyIndexing "
              + "HTMLTable VersionSort ... (see mod_autoindex)");
          return;
        }
      }
    });
    // mod_auth_basic.c, add_authn_provider: the provider must be registered by a loaded module.
    m.put("authbasicprovider", call -> {
      for (ConfWords.Word w : call.words()) {
        String v = w.value().toLowerCase(Locale.ROOT);
        String module = AUTHN_PROVIDERS.get(v);
        if (module == null || !call.modules().has(module)) {
          call.fail(Problem.Kind.ARGUMENTS, call.at(w), "Unknown Authn provider: " + w.value(),
              module == null ? "file, dbm, anon, dbd, socache or ldap" : "load " + module + " (a2enmod " + module + ")");
          return;
        }
      }
    });
    m.put("setenvif", call -> setEnvIf(call, false));
    m.put("setenvifnocase", call -> setEnvIf(call, true));
    m.put("setenvifexpr", call -> { });
    m.put("browsermatch", call -> setEnvIf(call, false));
    m.put("browsermatchnocase", call -> setEnvIf(call, true));
    m.put("expiresbytype", call -> {
      List<String> w = ArgForms.values(call.args());
      String err = expires(w.get(1));
      if (err != null) {
        call.fail(Problem.Kind.ARGUMENTS, call.at(0), "'ExpiresByType " + w.get(0) + " " + w.get(1) + "': " + err, null);
      }
    });
    m.put("expiresdefault", call -> {
      String err = expires(call.directive.word(0));
      if (err != null) {
        call.fail(Problem.Kind.ARGUMENTS, call.at(0), "'ExpiresDefault " + call.directive.word(0) + "': " + err, null);
      }
    });
    m.put("deflatecompressionlevel", call -> {
      long n = CoreChecks.atoi(call.directive.word(0));
      if (n < 1 || n > 9) {
        call.fail(Problem.Kind.ARGUMENTS, call.at(0), "DeflateCompressionLevel must be between 1 and 9", null);
      }
    });
  }

  /** add_setenvif_core: attribute, regex, then env assignments; the regex must compile. */
  private static void setEnvIf(Call call, boolean icase) {
    List<ConfWords.Word> w = call.words();
    String name = call.name();
    boolean browser = name.toLowerCase(Locale.ROOT).startsWith("browsermatch");
    int regexAt = browser ? 0 : 1;
    if (w.size() <= regexAt || w.get(regexAt).value().isEmpty()) {
      call.fail(Problem.Kind.ARGUMENTS, "Missing regular expression for " + name, null);
      return;
    }
    if (!browser && w.size() < 3 || browser && w.size() < 2) {
      call.fail(Problem.Kind.ARGUMENTS, "Missing envariable expression for " + name, null);
      return;
    }
    String regex = w.get(regexAt).value();
    if (regex.startsWith("!")) {
      regex = regex.substring(1);
    }
    if (!Pcre.compile(regex, icase).isValid()) {
      call.fail(Problem.Kind.ARGUMENTS, call.at(w.get(regexAt)), name + " regex could not be compiled.", null);
    }
  }

  /** set_expiresbytype's code: A|M followed by seconds, or "access|now|modification plus N unit...". */
  static String expires(String code) {
    if (code.isEmpty()) {
      return "bad expires code, missing <type>";
    }
    char c = code.charAt(0);
    if (c == 'A' || c == 'M') {
      return code.substring(1).matches("[0-9]+") ? null : "bad expires code, numeric value expected <seconds>";
    }
    String[] words = code.strip().split("\\s+");
    String base = words[0].toLowerCase(Locale.ROOT);
    if (!base.equals("access") && !base.equals("now") && !base.equals("modification")) {
      return "bad expires code, missing <type>";
    }
    int i = 1;
    if (i < words.length && words[i].equalsIgnoreCase("plus")) {
      i++;
    }
    if (i >= words.length) {
      return "bad expires code, missing <num> <type>";
    }
    while (i < words.length) {
      if (!words[i].matches("[0-9]+")) {
        return "bad expires code, numeric value expected <num> '" + words[i] + "'";
      }
      i++;
      if (i >= words.length) {
        return "bad expires code, missing <type>";
      }
      String unit = words[i].toLowerCase(Locale.ROOT);
      if (!unit.matches("(year|month|week|day|hour|minute|second)s?")) {
        return "bad expires code, unrecognized <type> '" + words[i] + "'";
      }
      i++;
    }
    return null;
  }

  /** set_reqtimeout_param's refusals, or null; numbers are read as strtol reads them, digits only. */
  private static String reqTimeoutProblem(String key, String val) {
    String k = key.toLowerCase(Locale.ROOT);
    if (!k.equals("header") && !k.equals("body") && !k.equals("handshake")) {
      return "unknown ReqTimeout parameter";
    }
    String v = val;
    int comma = v.indexOf(',');
    if (comma >= 0) {
      String rate = v.substring(comma + 1);
      v = v.substring(0, comma);
      if (!rate.regionMatches(true, 0, "minrate=", 0, 8)) {
        return "Invalid RequestReadTimeout parameter";
      }
      String n = rate.substring(8);
      if (!n.matches("[0-9]+")) {
        return n.matches("[0-9].*") ? "Cannot parse '" + n.replaceFirst("^[0-9]+", "") + "'" : "Value '" + n + "' not numerical";
      }
    }
    for (String part : v.split("-", 2)) {
      if (!part.matches("[0-9]+")) {
        return part.matches("[0-9].*") ? "Cannot parse '" + part.replaceFirst("^[0-9]+", "") + "'"
            : "Value '" + part + "' not numerical";
      }
    }
    return null;
  }
}
