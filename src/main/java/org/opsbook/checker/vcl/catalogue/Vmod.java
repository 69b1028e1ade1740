package org.opsbook.checker.vcl.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A VMOD as VCC sees it after {@code import}: its functions, its object classes, and aliases.
 *
 * @param name the module's own name ({@code std})
 * @param functions by short name, in declaration order
 * @param objects by class name ({@code round_robin})
 * @param aliases other names of functions or methods, alias short name to target short name
 */
public record Vmod(String name, Map<String, Signature> functions, Map<String, ObjectClass> objects,
    Map<String, String> aliases) {
  public Vmod {
    Objects.requireNonNull(name, "name");
    functions = Map.copyOf(functions);
    objects = Map.copyOf(objects);
    aliases = Map.copyOf(aliases);
  }

  /**
   * An object class: {@code new x = directors.round_robin();} makes an instance whose methods
   * are called as {@code x.backend()}.
   *
   * @param nullOk whether the constructor may leave the instance unset without failing the load
   */
  public record ObjectClass(String name, Signature constructor, Map<String, Signature> methods,
      Map<String, String> aliases, boolean nullOk) {
    public ObjectClass {
      methods = Map.copyOf(methods);
      aliases = Map.copyOf(aliases);
    }

    /** Method names in a stable order. */
    public List<String> methodNames() {
      return methods.keySet().stream().sorted().toList();
    }
  }
}
