package org.opsbook.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.opsbook.check.Checker;

/**
 * Finds a checker's rule inputs: every file below {@code src/test/resources/<checker package>/rules/},
 * at any depth, so a new input can never be skipped by a list someone forgot to update. Two files
 * are not inputs: {@code README.md}, and {@code untriggerable.txt}, which lists, one per line as
 * {@code rule-id: reason}, the rules no snippet can trigger (a query's or an option's own rules).
 */
public final class RuleInputs {
  public static final String UNTRIGGERABLE = "untriggerable.txt";

  private RuleInputs() {}

  /** The folder of a checker's inputs. */
  public static Path folder(Checker checker) {
    return Project.testResource(checker.getClass().getPackageName().replace('.', '/') + "/rules");
  }

  public static List<RuleInput> of(Checker checker) {
    Path dir = folder(checker);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals(UNTRIGGERABLE) && !p.getFileName().toString().equals("README.md"))
          .sorted()
          .map(p -> RuleInput.read(p, dir.relativize(p).toString().replace('\\', '/'), checker))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rules a checker declares untriggerable by snippets, with the reason given. */
  public static Map<String, String> untriggerable(Checker checker) {
    Path file = folder(checker).resolve(UNTRIGGERABLE);
    Map<String, String> out = new TreeMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(file)) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        int colon = l.indexOf(':');
        if (colon < 0 || l.substring(colon + 1).isBlank()) {
          throw new IllegalArgumentException(file + ": write 'rule-id: why no snippet can trigger it', not '" + l + "'");
        }
        out.put(l.substring(0, colon).strip(), l.substring(colon + 1).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
