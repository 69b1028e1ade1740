import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one build several times in one JVM, each into a fresh output folder, and prints each run's
 * wall time. See bench/warm-builds, which starts it in the JVM the launcher would start.
 *
 * <p>Arguments: RUNS WORKDIR COMMAND [OPTIONS...]; run N writes to WORKDIR/N.
 */
public final class WarmBuilds {
  public static void main(String[] args) {
    int runs = Integer.parseInt(args[0]);
    Path work = Path.of(args[1]);
    List<String> command = Arrays.asList(args).subList(2, args.length);
    long[] millis = new long[runs];
    for (int run = 1; run <= runs; run++) {
      List<String> line = new ArrayList<>(command);
      line.add("--output");
      line.add(work.resolve(Integer.toString(run)).toString());
      StringWriter err = new StringWriter();
      long start = System.nanoTime();
      int code = org.opsbook.cli.Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
          line.toArray(String[]::new));
      millis[run - 1] = (System.nanoTime() - start) / 1_000_000;
      // 0 is a clean build and 1 one with findings; anything else did not build, so there is no
      // time worth printing.
      if (code > 1) {
        System.err.print(err);
        System.exit(code);
      }
      System.out.printf("run %d: %d ms%n", run, millis[run - 1]);
    }
    if (runs > 1) {
      long[] later = Arrays.copyOfRange(millis, 1, runs);
      Arrays.sort(later);
      long median = later.length % 2 == 1 ? later[later.length / 2]
          : (later[later.length / 2 - 1] + later[later.length / 2]) / 2;
      System.out.printf("first run %d ms, later runs median %d ms: %d ms of the first run is the JVM"
          + " loading, interpreting and compiling code the later runs find ready%n",
          millis[0], median, millis[0] - median);
    }
  }
}
