package org.opsbook.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PublishTargetTest {
  private static final Path CWD = Path.of("/srv/book");

  @Test
  void userHostColonPathIsRemote() throws Exception {
    assertEquals(new PublishTarget.Remote("deploy@web1.example.org", "/var/www/book"),
        PublishTarget.parse("deploy@web1.example.org:/var/www/book/", CWD));
    assertEquals(new PublishTarget.Remote("web1", "/srv/www"), PublishTarget.parse("web1:/srv/www", CWD));
    assertEquals(new PublishTarget.Remote("[::1]", "/srv/www"), PublishTarget.parse("[::1]:/srv/www", CWD));
  }

  @Test
  void pathsAreLocalEvenWithAColonAfterASlash() throws Exception {
    assertEquals(new PublishTarget.Local(Path.of("/var/www/book")), PublishTarget.parse("/var/www/book", CWD));
    assertEquals(new PublishTarget.Local(Path.of("/srv/book/out/a:b")), PublishTarget.parse("./out/a:b", CWD));
    assertEquals(new PublishTarget.Local(Path.of("/srv/book/www")), PublishTarget.parse("www", CWD));
  }

  @Test
  void remotePathMustBeAbsoluteAndNeedNoQuoting() {
    assertTrue(assertThrows(PublishException.class, () -> PublishTarget.parse("web1:www", CWD))
        .getMessage().contains("must be absolute"));
    assertTrue(assertThrows(PublishException.class, () -> PublishTarget.parse("web1:/srv/my site", CWD))
        .getMessage().contains("shell quoting"));
  }
}
