package org.opsbook.site;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.opsbook.theme.ThemeException;

/**
 * Runs independent jobs on a fixed pool, one thread per core, and rethrows the first failure in
 * submission order so the same broken input always gives the same error.
 */
final class ParallelRunner implements AutoCloseable {
  private final ExecutorService pool;

  ParallelRunner(int threads) {
    this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "opsbook-worker");
      t.setDaemon(true);
      return t;
    });
  }

  <T> List<T> map(List<Callable<T>> jobs) throws IOException, ThemeException {
    List<Future<T>> futures = new ArrayList<>(jobs.size());
    for (Callable<T> job : jobs) {
      futures.add(pool.submit(job));
    }
    List<T> results = new ArrayList<>(jobs.size());
    Throwable first = null;
    for (Future<T> f : futures) {
      try {
        results.add(f.get());
      } catch (ExecutionException e) {
        if (first == null) {
          first = e.getCause();
        }
        results.add(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    if (first instanceof IOException io) {
      throw io;
    }
    if (first instanceof ThemeException te) {
      throw te;
    }
    if (first instanceof RuntimeException re) {
      throw re;
    }
    if (first instanceof Error err) {
      throw err;
    }
    if (first != null) {
      throw new IllegalStateException(first);
    }
    return results;
  }

  void runAll(List<Callable<Void>> jobs) throws IOException, ThemeException {
    map(jobs);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
