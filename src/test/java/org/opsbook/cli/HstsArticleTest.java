package org.opsbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HSTS article shows server-config commands, their output and excerpts of the generated
 * files; this runs the commands and holds the article to what they really print.
 */
class HstsArticleTest {
  private static final Path ARTICLE =
      Path.of(System.getProperty("opsbook.root", "."), "content/articles/hsts-rollout/index.md");
  private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)([^\\n]*)\\n(.*?)^```$");

  record Block(String language, String info, String text) {}

  private static List<Block> blocks() throws Exception {
    List<Block> blocks = new ArrayList<>();
    Matcher m = FENCE.matcher(Files.readString(ARTICLE));
    while (m.find()) {
      blocks.add(new Block(m.group(1), m.group(2), m.group(3)));
    }
    return blocks;
  }

  /** The shell commands of a block: prompt removed, continuation lines joined, output lines after. */
  private static List<List<String>> commands(String shell) {
    List<List<String>> result = new ArrayList<>();
    String[] lines = shell.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("$ opsbook server-config")) {
        StringBuilder cmd = new StringBuilder(lines[i].substring(2));
        while (cmd.toString().endsWith("\\")) {
          cmd.setLength(cmd.length() - 1);
          cmd.append(' ').append(lines[++i].trim());
        }
        List<String> entry = new ArrayList<>();
        entry.add(cmd.toString().replaceAll(">\\s*\\S+$", "").trim());
        while (i + 1 < lines.length && !lines[i + 1].startsWith("$ ")) {
          entry.add(lines[++i]);
        }
        result.add(entry);
      }
    }
    return result;
  }

  private static CommandRunner run(String commandLine) {
    String[] words = commandLine.split("\\s+");
    assertEquals("opsbook", words[0]);
    assertEquals("server-config", words[1]);
    return CommandRunner.run(new ServerConfigCommand(), java.util.Arrays.copyOfRange(words, 2, words.length));
  }

  @Test
  void generatedExcerptsAreWhatServerConfigPrints() throws Exception {
    List<Block> blocks = blocks();
    String nginxCommand = blocks.stream().filter(b -> b.language().equals("shell"))
        .flatMap(b -> commands(b.text()).stream()).map(c -> c.get(0)).filter(c -> c.contains(" nginx ") && !c.contains("preload"))
        .findFirst().orElseThrow();
    CommandRunner nginx = run(nginxCommand);
    CommandRunner apache = run(nginxCommand.replace(" nginx ", " apache "));
    assertEquals(0, nginx.exit(), nginx.err());
    int checked = 0;
    for (Block b : blocks) {
      if (b.info().contains("id=generated-")) {
        String generated = b.language().equals("apache") ? apache.out() : nginx.out();
        assertTrue(generated.contains(b.text()), "not in the generated " + b.language() + " file:\n" + b.text());
        checked++;
      }
    }
    assertEquals(3, checked);
  }

  @Test
  void refusalShownForPreloadIsTheRealMessage() throws Exception {
    List<String> preload = blocks().stream().filter(b -> b.language().equals("shell"))
        .flatMap(b -> commands(b.text()).stream()).filter(c -> c.get(0).contains("--hsts-preload")).findFirst().orElseThrow();
    CommandRunner r = run(preload.get(0));
    assertEquals(2, r.exit());
    assertEquals(String.join("\n", preload.subList(1, preload.size())) + "\n", r.err());
  }
}
