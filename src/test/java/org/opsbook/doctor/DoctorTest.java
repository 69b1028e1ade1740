package org.opsbook.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTest {
  @TempDir Path tmp;

  private Path fakeTool(String name, String script) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path tool = bin.resolve(name);
    Files.writeString(tool, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    return tool;
  }

  @Test
  void findsToolsOnTheSearchPathAndReadsTheirVersionFromEitherStream() throws Exception {
    Path rsync = fakeTool("rsync", "echo 'rsync  version 3.2.7  protocol version 31'");
    fakeTool("ssh", "echo 'OpenSSH_9.2p1 Debian-2+deb12u3, OpenSSL 3.0.15 3 Sep 2024' >&2");
    Doctor doctor = new Doctor(List.of(tmp.resolve("empty"), tmp.resolve("bin")), Tool.KNOWN.subList(0, 3));
    List<ToolStatus> found = doctor.examineTools();
    assertEquals(new ToolStatus(Tool.KNOWN.get(0), Optional.of(rsync.toString()), Optional.of("3.2.7")), found.get(0));
    assertEquals(Optional.of("9.2p1"), found.get(1).version());
    assertEquals(false, found.get(2).found(), "no sshd in the fake search path");
  }

  @Test
  void aToolThatPrintsNoVersionIsStillFound() throws Exception {
    fakeTool("nginx", "exit 1");
    Tool nginx = Tool.KNOWN.stream().filter(t -> t.name().equals("nginx")).findFirst().orElseThrow();
    ToolStatus s = new Doctor(List.of(tmp.resolve("bin")), List.of(nginx)).examineTools().get(0);
    assertTrue(s.found());
    assertEquals(Optional.empty(), s.version());
  }

  @Test
  void reportsJavaTheProjectAndMissingToolsWithoutFailing() throws Exception {
    Files.writeString(tmp.resolve("opsbook.yaml"), "title: Runbooks\n");
    Files.createDirectories(tmp.resolve("content"));
    fakeTool("rsync", "echo 'rsync  version 3.2.7  protocol version 31'");
    StringWriter out = new StringWriter();
    boolean ok = new Doctor(List.of(tmp.resolve("bin")), Tool.KNOWN.subList(0, 2)).report(tmp, new PrintWriter(out));
    assertTrue(ok, "this JVM is Java 17 or newer");
    List<String> lines = out.toString().lines().toList();
    assertTrue(lines.get(0).startsWith("java      ok   " + Runtime.version()), lines.get(0));
    assertEquals("project   ok   " + tmp + " has opsbook.yaml and content/", lines.get(1));
    assertEquals("rsync     ok   3.2.7 " + tmp.resolve("bin/rsync") + ": publish --to host:/path", lines.get(2));
    assertEquals("ssh       --   not found: publish --to host:/path unavailable", lines.get(3));
    assertEquals("1 optional tool missing; builds work without them", lines.get(4));
  }
}
