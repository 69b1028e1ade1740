package org.opsbook.cli;

import java.util.concurrent.Callable;
import org.opsbook.doctor.Doctor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code opsbook doctor}: the Java version and which optional real tools are installed. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    header = "Report Java, the project and the optional tools opsbook uses.",
    description = "Report the Java runtime, the project folder and the optional tools opsbook can use"
        + " (rsync and ssh for publishing, the real daemons for oracle tests). Exit 0 unless Java is too old.")
public final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    boolean ok = Doctor.forThisMachine().report(WorkingFolder.of(spec), spec.commandLine().getOut());
    return ok ? ExitCodes.CLEAN : ExitCodes.USAGE;
  }
}
