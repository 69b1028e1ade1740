package org.opsbook.checker.vcl.catalogue;

import static org.opsbook.checker.vcl.catalogue.ReturnAction.ABANDON;
import static org.opsbook.checker.vcl.catalogue.ReturnAction.DELIVER;
import static org.opsbook.checker.vcl.catalogue.ReturnAction.ERROR;
import static org.opsbook.checker.vcl.catalogue.ReturnAction.FAIL;
import static org.opsbook.checker.vcl.catalogue.ReturnAction.FETCH;
import static org.opsbook.checker.vcl.catalogue.ReturnAction.HASH;
import static org.opsbook.checker.vcl.catalogue.ReturnAction.LOOKUP;
import static org.opsbook.checker.vcl.catalogue.ReturnAction.OK;
import static org.opsbook.checker.vcl.catalogue.ReturnAction.PASS;
import static org.opsbook.checker.vcl.catalogue.ReturnAction.PIPE;
import static org.opsbook.checker.vcl.catalogue.ReturnAction.PURGE;
import static org.opsbook.checker.vcl.catalogue.ReturnAction.RESTART;
import static org.opsbook.checker.vcl.catalogue.ReturnAction.RETRY;
import static org.opsbook.checker.vcl.catalogue.ReturnAction.SYNTH;
import static org.opsbook.checker.vcl.catalogue.ReturnAction.VCL;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in subroutines Varnish calls (its "methods"), in the order generate.py lists them, each
 * with the side it runs on and the return actions it accepts. Facts from libvcc's generate.py and
 * vcl(7) of Varnish 7.1.
 */
public enum SubMethod {
  RECV(Side.CLIENT, FAIL, SYNTH, RESTART, PASS, PIPE, HASH, PURGE, VCL),
  PIPE_(Side.CLIENT, FAIL, SYNTH, PIPE),
  PASS_(Side.CLIENT, FAIL, SYNTH, RESTART, FETCH),
  HASH_(Side.CLIENT, FAIL, LOOKUP),
  PURGE_(Side.CLIENT, FAIL, SYNTH, RESTART),
  MISS(Side.CLIENT, FAIL, SYNTH, RESTART, PASS, FETCH),
  HIT(Side.CLIENT, FAIL, SYNTH, RESTART, PASS, DELIVER),
  DELIVER_(Side.CLIENT, FAIL, SYNTH, RESTART, DELIVER),
  SYNTH_(Side.CLIENT, FAIL, RESTART, DELIVER),
  BACKEND_FETCH(Side.BACKEND, FAIL, FETCH, ABANDON, ERROR),
  BACKEND_RESPONSE(Side.BACKEND, FAIL, DELIVER, RETRY, ABANDON, PASS, ERROR),
  BACKEND_ERROR(Side.BACKEND, FAIL, DELIVER, RETRY, ABANDON),
  INIT(Side.HOUSEKEEPING, OK, FAIL),
  FINI(Side.HOUSEKEEPING, OK);

  /** Where a method runs: for a client request, a backend fetch, or when a VCL loads. */
  public enum Side { CLIENT, BACKEND, HOUSEKEEPING }

  private final Side side;
  private final Set<ReturnAction> returns;

  SubMethod(Side side, ReturnAction first, ReturnAction... rest) {
    this.side = side;
    this.returns = EnumSet.of(first, rest);
  }

  /** The short name generate.py uses ({@code recv}, {@code backend_response}). */
  public String shortName() {
    String n = name().toLowerCase(Locale.ROOT);
    return n.endsWith("_") ? n.substring(0, n.length() - 1) : n;
  }

  /** The subroutine's name in VCL, such as {@code vcl_recv}. */
  public String subName() {
    return "vcl_" + shortName();
  }

  public Side side() {
    return side;
  }

  public Set<ReturnAction> returns() {
    return EnumSet.copyOf(returns);
  }

  public boolean allows(ReturnAction action) {
    return returns.contains(action);
  }

  /** The returns VCC lists as legal, in its own order (that of the return table). */
  public List<ReturnAction> legalReturnsInVccOrder() {
    return List.copyOf(EnumSet.copyOf(returns));
  }

  public static Optional<SubMethod> bySubName(String name) {
    for (SubMethod m : values()) {
      if (m.subName().equals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** A method by generate.py's short name or the words {@code client}, {@code backend}, {@code all}. */
  public static Set<SubMethod> byWord(String word) {
    String w = word.startsWith("vcl_") ? word.substring(4) : word;
    EnumSet<SubMethod> set = EnumSet.noneOf(SubMethod.class);
    switch (w) {
      case "all" -> set.addAll(EnumSet.allOf(SubMethod.class));
      case "client" -> values(Side.CLIENT, set);
      case "backend" -> values(Side.BACKEND, set);
      case "both" -> {
        values(Side.CLIENT, set);
        values(Side.BACKEND, set);
      }
      default -> {
        for (SubMethod m : values()) {
          if (m.shortName().equals(w)) {
            set.add(m);
          }
        }
        if (set.isEmpty()) {
          throw new IllegalArgumentException("no VCL method " + word);
        }
      }
    }
    return set;
  }

  private static void values(Side side, Set<SubMethod> into) {
    for (SubMethod m : values()) {
      if (m.side == side) {
        into.add(m);
      }
    }
  }
}
