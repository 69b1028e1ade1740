package org.opsbook.checker.vcl.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A VCL program as VCC compiled it: the snippet (and what it includes), the lines opsbook added
 * around a pasted subroutine if any, and the built-in VCL. Names of objects are keyed in lower
 * case, as VCC's symbol table compares them.
 *
 * @param syntax the VCL version, 40 or 41
 * @param defaultBackend the backend requests go to unless VCL chooses: {@code default} if declared,
 *     else the first one
 * @param instances VMOD objects made with {@code new}, by name, with their class
 * @param wrapped whether opsbook added a {@code vcl 4.1;} line (and a backend) around the snippet
 * @param complete whether the text can be a whole file: not a fragment, and every include read
 */
public record VclProgram(int syntax, Map<String, Backend> backends, String defaultBackend, Map<String, Probe> probes,
    Map<String, Acl> acls, Map<String, SubDef> subs, Map<String, Expr.Call> instances, List<String> imports,
    boolean wrapped, boolean complete) {
  public VclProgram {
    backends = Map.copyOf(backends);
    probes = Map.copyOf(probes);
    acls = Map.copyOf(acls);
    subs = Map.copyOf(subs);
    instances = Map.copyOf(instances);
    imports = List.copyOf(imports);
  }

  public Optional<SubDef> sub(String name) {
    return Optional.ofNullable(subs.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  public Optional<Acl> acl(String name) {
    return Optional.ofNullable(acls.get(name.toLowerCase(java.util.Locale.ROOT)));
  }
}
