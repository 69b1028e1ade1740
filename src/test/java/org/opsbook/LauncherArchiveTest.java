package org.opsbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive: which runs record one, which keep it and which map it. The
 * launcher runs against a stand-in {@code java} that logs its arguments, writes the archive it is
 * asked to record and exits with the code the test gives it, so no jar has to be built.
 */
class LauncherArchiveTest {
  @TempDir Path project;
  private Path log;
  private Path archive;

  @BeforeEach
  void setUp() throws IOException {
    Files.copy(Path.of("opsbook"), project.resolve("opsbook"));
    Files.setPosixFilePermissions(project.resolve("opsbook"), PosixFilePermissions.fromString("rwx------"));
    Files.createDirectories(project.resolve("target"));
    Files.writeString(project.resolve("target/opsbook.jar"), "a jar");
    archive = project.resolve("target/opsbook.jar.jsa");
    log = project.resolve("java.log");
    Path bin = Files.createDirectories(project.resolve("bin"));
    Files.writeString(bin.resolve("java"), String.join("\n",
        "#!/bin/sh",
        "echo \"$*\" >> \"$JAVA_LOG\"",
        "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*) echo archived > \"${a#*=}\" ;; esac; done",
        "exit \"$JAVA_EXIT\"", ""));
    Files.setPosixFilePermissions(bin.resolve("java"), PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void aBuildRecordsTheArchiveAndLaterBuildsMapIt() throws Exception {
    assertEquals(0, launch(0, "build"));
    assertTrue(Files.isRegularFile(archive), "the first build leaves an archive");
    assertTrue(lastCall().contains("-XX:ArchiveClassesAtExit="), lastCall());

    assertEquals(0, launch(0, "build"));
    assertTrue(lastCall().contains("-XX:SharedArchiveFile=" + archive), lastCall());
    assertFalse(lastCall().contains("ArchiveClassesAtExit"), lastCall());
  }

  @Test
  void aBuildWithFindingsStillLeavesItsArchive() throws Exception {
    assertEquals(1, launch(1, "check"));
    assertTrue(Files.isRegularFile(archive), "exit 1 means the build ran and reported findings");
  }

  @Test
  void helpAndVersionNeverRecord() throws Exception {
    for (List<String> args : List.of(List.of("build", "--help"), List.of("build", "-h"), List.of("check", "--version"),
        List.of("build", "--source", "content", "-V"))) {
      assertEquals(0, launch(0, args.toArray(String[]::new)));
      assertFalse(lastCall().contains("ArchiveClassesAtExit"), args + ": " + lastCall());
      assertFalse(Files.exists(archive), args + " left an archive");
    }
    assertEquals(0, launch(0, "build"));
    assertTrue(Files.isRegularFile(archive), "the first real build after help records");
  }

  @Test
  void aRunRefusedBeforeItBuiltLeavesNoArchive() throws Exception {
    assertEquals(2, launch(2, "build", "--config", "broken.yaml"));
    assertTrue(lastCall().contains("-XX:ArchiveClassesAtExit="), lastCall());
    assertFalse(Files.exists(archive), "exit 2 built nothing: its archive is not kept");
    try (Stream<Path> left = Files.list(project.resolve("target"))) {
      assertEquals(List.of(project.resolve("target/opsbook.jar")), left.toList(), "no partial archive is left");
    }
    assertEquals(0, launch(0, "build"));
    assertTrue(Files.isRegularFile(archive), "the next build records");
  }

  @Test
  void otherCommandsNeitherRecordNorNeedAnArchive() throws Exception {
    assertEquals(0, launch(0, "lint", "x.conf"));
    assertFalse(lastCall().contains("Archive"), lastCall());
    assertFalse(Files.exists(archive));
  }

  /** A link to the launcher from another folder (~/bin/opsbook) still runs the jar beside the launcher. */
  @Test
  void aSymbolicLinkToTheLauncherRunsTheJarBesideIt() throws Exception {
    Path elsewhere = Files.createDirectories(project.resolve("elsewhere"));
    Files.createSymbolicLink(elsewhere.resolve("opsbook"), project.resolve("opsbook"));
    assertEquals(0, launch(elsewhere.resolve("opsbook"), 0, "lint", "x.conf"));
    assertTrue(lastCall().contains("-jar " + project.toRealPath().resolve("target/opsbook.jar")), lastCall());
  }

  private int launch(int javaExit, String... args) throws Exception {
    return launch(project.resolve("opsbook"), javaExit, args);
  }

  private int launch(Path launcher, int javaExit, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
    pb.environment().put("PATH", project.resolve("bin") + ":/usr/bin:/bin");
    pb.environment().put("JAVA_LOG", log.toString());
    pb.environment().put("JAVA_EXIT", Integer.toString(javaExit));
    pb.environment().remove("OPSBOOK_JAVA_OPTS");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    assertEquals("", output, "the launcher itself prints nothing");
    return code;
  }

  private String lastCall() throws IOException {
    List<String> calls = Files.readAllLines(log);
    return calls.get(calls.size() - 1);
  }
}
