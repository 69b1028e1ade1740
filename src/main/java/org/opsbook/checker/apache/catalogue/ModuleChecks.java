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

  static void register(Map<String, DirectiveCheck> m) {
    m.put("directoryslash", call -> { });
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
}
