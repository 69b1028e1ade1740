package org.opsbook.checker.vcl.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Every VCL variable of Varnish 7.1, read once from {@code variables.txt}. Immutable. */
public final class VariableCatalogue {
  private static final List<Variable> ALL = load();

  private VariableCatalogue() {}

  /** The variables in the reference's order; a name may appear twice with disjoint versions. */
  public static List<Variable> all() {
    return ALL;
  }

  private static List<Variable> load() {
    List<Variable> out = new ArrayList<>();
    try (InputStream in = VariableCatalogue.class.getResourceAsStream("variables.txt")) {
      if (in == null) {
        throw new IllegalStateException("variables.txt is missing from the VCL catalogue");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        String[] versions = f[2].split("-");
        VclType type = VclType.named(f[1]).orElseThrow(() -> new IllegalStateException("type " + f[1]));
        out.add(new Variable(f[0], type, version(versions[0]), version(versions[1]),
            methods(f[3]), methods(f[4]), methods(f[5])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  private static int version(String v) {
    String[] p = v.split("\\.");
    return Integer.parseInt(p[0]) * 10 + Integer.parseInt(p[1]);
  }

  private static Set<SubMethod> methods(String spec) {
    EnumSet<SubMethod> set = EnumSet.noneOf(SubMethod.class);
    if (!spec.equals("-")) {
      for (String w : spec.split(",")) {
        set.addAll(SubMethod.byWord(w));
      }
    }
    return set;
  }
}
