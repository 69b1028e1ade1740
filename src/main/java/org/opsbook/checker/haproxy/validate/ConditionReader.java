package org.opsbook.checker.haproxy.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.opsbook.checker.haproxy.catalogue.Predefined;
import org.opsbook.checker.haproxy.model.Acl;
import org.opsbook.checker.haproxy.model.Condition;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.Word;

/**
 * Reads the condition after {@code if} or {@code unless} as acl.c's parse_acl_cond does: terms
 * ANDed until {@code ||} or {@code or}; {@code !} negates the next term (alone or glued to it); a
 * term is an ACL declared earlier in the section, a predefined one, or an anonymous ACL between
 * {@code {} and {@code }} words. Stateless.
 */
final class ConditionReader {
  private ConditionReader() {}

  /** A condition read, or the error HAProxy gives and the word it is about. */
  record Read(Condition condition, String error, int word, List<AclReader.Read> anonymous) {}

  /**
   * Reads the words of {@code line} from {@code from} (the word after if/unless) to the end.
   *
   * @param declared whether an ACL name is declared so far in the section
   */
  static Read read(Line line, int from, boolean unless, Predicate<String> declared) {
    List<List<Condition.Term>> alternatives = new ArrayList<>();
    List<Condition.Term> current = new ArrayList<>();
    List<AclReader.Read> anonymous = new ArrayList<>();
    List<Word> words = line.words();
    boolean neg = false;
    int i = from;
    while (i < words.size()) {
      String w = words.get(i).text();
      if (w.equals("!")) {
        neg = !neg;
        i++;
        continue;
      }
      if (w.equals("||") || w.equals("or")) {
        alternatives.add(current);
        current = new ArrayList<>();
        neg = false;
        i++;
        continue;
      }
      boolean termNeg = neg;
      String word = w;
      if (word.startsWith("!")) {
        termNeg = !termNeg;
        word = word.substring(1);
      }
      neg = false;
      if (word.equals("{")) {
        int close = -1;
        for (int j = i + 1; j < words.size(); j++) {
          if (words.get(j).text().equals("}")) {
            close = j;
            break;
          }
        }
        if (close < 0) {
          return new Read(null, "missing closing '}' in condition", i, anonymous);
        }
        AclReader.Read r = AclReader.read(line, words.subList(i + 1, close), i + 1);
        if (r.error() != null) {
          return new Read(null, r.error(), r.word(), anonymous);
        }
        anonymous.add(r);
        current.add(new Condition.Term(termNeg, "", new Acl("", List.of(r.term())), false));
        i = close + 1;
        continue;
      }
      if (declared.test(word)) {
        current.add(new Condition.Term(termNeg, word, null, false));
      } else if (Predefined.expression(word).isPresent()) {
        current.add(new Condition.Term(termNeg, word, null, true));
      } else {
        return new Read(null, "no such ACL : '" + word + "'", i, anonymous);
      }
      i++;
    }
    alternatives.add(current);
    return new Read(new Condition(unless, alternatives), null, from, anonymous);
  }
}
