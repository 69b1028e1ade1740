package org.opsbook.snippet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CopyTextTest {
  @Test
  void dropsPromptsAndOutputLines() {
    String text = "$ ssh -V\nOpenSSH_9.2p1\n$ sudo sshd -t \\\n    -f /etc/ssh/sshd_config\n";
    assertEquals("ssh -V\nsudo sshd -t \\\n    -f /etc/ssh/sshd_config\n",
        CopyText.of(text, "shell", CopyText.promptTokens(text, "shell")));
  }

  @Test
  void rootPromptCountsOnlyInTranscripts() {
    String text = "# systemctl reload nginx\n";
    assertEquals(text, CopyText.of(text, "shell", CopyText.promptTokens(text, "shell")));
    assertEquals("systemctl reload nginx\n", CopyText.of(text, "console", CopyText.promptTokens(text, "console")));
  }

  @Test
  void snippetsWithoutPromptsAreCopiedWhole() {
    String text = "apt-get install nginx\nsystemctl enable nginx\n";
    assertEquals(text, CopyText.of(text, "shell", CopyText.promptTokens(text, "shell")));
  }
}
