package org.opsbook.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opsbook.maintenance.MaintenanceRules;
import org.opsbook.testing.Project;

/**
 * The service files name the interfaces they register for. A file named after an interface that
 * was renamed is read by nobody, and what it registers silently disappears (the maintenance rules
 * did, from {@code explain}, the rule pages and the {@code rules:} setting).
 */
class ServiceFilesTest {
  private static final Path SERVICES = Project.root().resolve("src/main/resources/META-INF/services");

  @Test
  void everyServiceFileNamesAnInterfaceAndListsItsImplementations() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(SERVICES)) {
      files = listing.sorted().toList();
    }
    assertFalse(files.isEmpty());
    for (Path file : files) {
      Class<?> service = load(file.getFileName().toString(), file);
      assertTrue(service.isInterface(), file.getFileName() + " names a class, not an interface");
      for (String line : Files.readAllLines(file)) {
        String name = line.replaceFirst("#.*", "").strip();
        if (!name.isEmpty()) {
          assertTrue(service.isAssignableFrom(load(name, file)), name + " in " + file.getFileName() + " is not a "
              + service.getSimpleName());
        }
      }
    }
  }

  @Test
  void maintenanceRulesAreRegistered() {
    CheckerRegistry registry = CheckerRegistry.load();
    for (RuleInfo rule : MaintenanceRules.ALL) {
      assertTrue(registry.rule(rule.id().value()).isPresent(), rule.id() + " is not in the registry");
    }
  }

  private static Class<?> load(String name, Path file) {
    try {
      return Class.forName(name, false, ServiceFilesTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return fail(file.getFileName() + ": no class " + name);
    }
  }
}
