package org.opsbook.doctor;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/**
 * Examines the environment: the Java runtime (opsbook needs 17 or newer), the project folder, and
 * which optional real tools are installed. Nothing it finds missing stops opsbook from building a
 * site; the tools only widen what can be checked or published.
 */
public final class Doctor {
  /** Programs in sbin are not on a normal user's PATH, but are what opsbook looks for. */
  private static final List<String> EXTRA_DIRS = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");
  static final int MINIMUM_JAVA = 17;

  private final List<Path> searchPath;
  private final List<Tool> tools;

  public Doctor(List<Path> searchPath, List<Tool> tools) {
    this.searchPath = List.copyOf(searchPath);
    this.tools = List.copyOf(tools);
  }

  /** The search path of this process ({@code PATH}) plus the sbin folders. */
  public static Doctor forThisMachine() {
    Set<Path> dirs = new LinkedHashSet<>();
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!d.isEmpty()) {
        dirs.add(Path.of(d));
      }
    }
    EXTRA_DIRS.forEach(d -> dirs.add(Path.of(d)));
    return new Doctor(new ArrayList<>(dirs), Tool.KNOWN);
  }

  public List<ToolStatus> examineTools() {
    List<ToolStatus> found = new ArrayList<>();
    for (Tool tool : tools) {
      Optional<Path> path = locate(tool.name());
      found.add(new ToolStatus(tool, path.map(Path::toString), path.flatMap(p -> version(tool, p))));
    }
    return found;
  }

  /**
   * Writes the report.
   *
   * @return whether opsbook can run here at all (the Java version); missing tools never fail
   */
  public boolean report(Path projectDir, PrintWriter out) {
    int feature = Runtime.version().feature();
    boolean javaOk = feature >= MINIMUM_JAVA;
    out.print(String.format(Locale.ROOT, "%-9s %s %s (%s)%s%n", "java", javaOk ? "ok  " : "FAIL",
        Runtime.version(), System.getProperty("java.vendor", "unknown vendor"),
        javaOk ? "" : ": opsbook needs Java " + MINIMUM_JAVA + " or newer"));
    boolean config = Files.isRegularFile(projectDir.resolve("opsbook.yaml"));
    boolean content = Files.isDirectory(projectDir.resolve("content"));
    out.print(String.format(Locale.ROOT, "%-9s %s %s%n", "project", config && content ? "ok  " : "note",
        config && content ? projectDir + " has opsbook.yaml and content/"
            : projectDir + " has no " + (config ? "content/" : content ? "opsbook.yaml" : "opsbook.yaml and no content/")
                + " (run doctor in a site's folder to check it)"));
    int missing = 0;
    for (ToolStatus s : examineTools()) {
      if (s.found()) {
        out.print(String.format(Locale.ROOT, "%-9s ok   %s %s: %s%n", s.tool().name(),
            s.version().orElse("(version unknown)"), s.path().get(), s.tool().purpose()));
      } else {
        missing++;
        out.print(String.format(Locale.ROOT, "%-9s --   not found: %s unavailable%n", s.tool().name(), s.tool().purpose()));
      }
    }
    out.print(missing == 0 ? "all optional tools found\n"
        : missing + " optional tool" + (missing == 1 ? "" : "s") + " missing; builds work without them\n");
    out.flush();
    return javaOk;
  }

  private Optional<Path> locate(String name) {
    for (Path dir : searchPath) {
      Path candidate = dir.resolve(name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  static Optional<String> version(Tool tool, Path executable) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(tool.versionArgs());
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      byte[] out = p.getInputStream().readNBytes(16 * 1024);
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      Matcher m = tool.version().matcher(new String(out, StandardCharsets.UTF_8));
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
