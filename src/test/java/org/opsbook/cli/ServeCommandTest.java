package org.opsbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ServeCommandTest {

  @Test
  void aPortInUseIsAClearUsageError() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      int port = taken.getLocalPort();
      CommandRunner r = CommandRunner.run(new ServeCommand(), "--port", Integer.toString(port));
      assertEquals(ExitCodes.USAGE, r.exit());
      assertEquals("serve: port " + port + " on 127.0.0.1 is in use; choose another with --port\n", r.err());
    }
  }
}
