package org.opsbook.checker.vcl.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of a VMOD function, method or object constructor.
 *
 * @param type the VCL type, or {@code null} for a PRIV_* parameter that Varnish supplies itself
 * @param priv for a PRIV_* parameter, its kind ({@code PRIV_CALL}, ...); otherwise {@code null}
 * @param name the name, for named arguments; {@code null} when the declaration gives none
 * @param defaultValue the default as the VMOD declares it (a C literal), or {@code null}
 * @param optional whether it may be left out altogether (VCC's bracketed arguments)
 * @param enumValues for ENUM, every accepted word
 */
public record Param(VclType type, String priv, String name, String defaultValue, boolean optional,
    List<String> enumValues) {
  public Param {
    enumValues = List.copyOf(enumValues);
    if (type == null) {
      Objects.requireNonNull(priv, "priv");
    }
  }

  public boolean isPriv() {
    return priv != null;
  }
}
