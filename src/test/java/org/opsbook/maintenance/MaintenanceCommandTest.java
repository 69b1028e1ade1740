package org.opsbook.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.cli.MaintenanceCommand;
import org.opsbook.maintenance.support.Project;
import picocli.CommandLine;

class MaintenanceCommandTest {
  @TempDir Path temp;

  private record Outcome(int exitCode, String out, String err) {}

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new MaintenanceCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int code = command.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void writesThePageAndTheFourConfigs() throws IOException {
    Path out = temp.resolve("out");
    Outcome outcome = run("upgrade", "--out", out.toString(), "--source", Project.root().resolve("content").toString(),
        "--reference-time", "2026-11-23T20:00:00Z");
    assertEquals(0, outcome.exitCode(), outcome.err());
    for (String file : List.of("index.html", "nginx.conf", "apache.conf", "varnish.vcl", "haproxy.cfg")) {
      assertTrue(Files.size(out.resolve(file)) > 0, file);
    }
    assertTrue(outcome.out().startsWith("maintenance/upgrade: index.html "), outcome.out());
    assertTrue(Files.readString(out.resolve("index.html")).contains("back in about 6 hours"));
  }

  @Test
  void neverReplacesAFileItDidNotWriteNorWritesThroughALink() throws IOException {
    // As with --out /etc/nginx: the web server's own nginx.conf must survive.
    Path out = temp.resolve("etc-nginx");
    Files.createDirectories(out);
    Files.writeString(out.resolve("nginx.conf"), "worker_processes auto;\n");
    Path victim = temp.resolve("victim.conf");
    Files.createSymbolicLink(out.resolve("haproxy.cfg"), victim);
    String content = Project.root().resolve("content").toString();
    Outcome refused = run("upgrade", "--out", out.toString(), "--source", content);
    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().contains("nginx.conf, haproxy.cfg (a symbolic link) are there, and opsbook did not write"
        + " them"), refused.err());
    assertEquals("worker_processes auto;\n", Files.readString(out.resolve("nginx.conf")));
    assertFalse(Files.exists(victim));
    assertFalse(Files.exists(out.resolve("index.html")), "nothing is written when anything is in the way");

    // Its own files, from an earlier run, are replaced.
    Path own = temp.resolve("own");
    assertEquals(0, run("upgrade", "--out", own.toString(), "--source", content).exitCode());
    Outcome again = run("upgrade", "--out", own.toString(), "--source", content);
    assertEquals(0, again.exitCode(), again.err());
    try (var entries = Files.list(own)) {
      assertEquals(5, entries.count(), "no staged file is left behind");
    }
  }

  @Test
  void badPageExitsOneWithTheLineAndWritesNothing() throws IOException {
    Path project = temp.resolve("p");
    Files.createDirectories(project.resolve("content/maintenance"));
    Files.writeString(project.resolve("content/maintenance/x.md"), "---\ntitle: Down\nallow:\n  - not-an-ip\n---\n");
    Path out = temp.resolve("out");
    Outcome outcome = run("x", "--out", out.toString(), "--source", project.resolve("content").toString());
    assertEquals(1, outcome.exitCode());
    assertTrue(outcome.err().contains("content/maintenance/x.md:4:1: error: "), outcome.err());
    assertTrue(outcome.err().contains("[maintenance.bad-address]"), outcome.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void badConfigurationExitsTwo() throws IOException {
    Path project = temp.resolve("q");
    Files.createDirectories(project.resolve("content/maintenance"));
    Files.writeString(project.resolve("opsbook.yaml"), "titel: typo\n");
    Files.writeString(project.resolve("content/maintenance/x.md"), "---\ntitle: Down\n---\n");
    Outcome outcome = run("x", "--out", temp.resolve("out").toString(), "--source", project.resolve("content").toString(),
        "--config", project.resolve("opsbook.yaml").toString());
    assertEquals(2, outcome.exitCode(), outcome.err());
    assertTrue(outcome.err().contains("opsbook.yaml"), outcome.err());
  }

  @Test
  void readsPagesFromTheGivenContentFolder() throws IOException {
    Path project = temp.resolve("r");
    Files.createDirectories(project.resolve("content/maintenance"));
    Files.writeString(project.resolve("content/maintenance/x.md"), "---\ntitle: Down\n---\nBack soon.\n");
    Path out = temp.resolve("out");
    Outcome outcome = run("x", "--out", out.toString(), "--source", project.resolve("content").toString());
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(Files.readString(out.resolve("index.html")).contains("maintenance-logo"));
  }
}
