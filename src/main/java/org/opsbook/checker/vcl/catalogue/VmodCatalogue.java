package org.opsbook.checker.vcl.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The VMODs installed with Varnish 7.1.1 (std, directors, blob, cookie, proxy, purge, unix, and
 * the test modules vtc and debug), read once from {@code vmods.txt}. {@code import} of any other
 * module fails as VCC's "Could not find VMOD". Immutable.
 */
public final class VmodCatalogue {
  private static final Map<String, Vmod> ALL = load();

  private VmodCatalogue() {}

  public static Optional<Vmod> vmod(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  public static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  private static Map<String, Vmod> load() {
    Map<String, Vmod> out = new TreeMap<>();
    try (InputStream in = VmodCatalogue.class.getResourceAsStream("vmods.txt")) {
      if (in == null) {
        throw new IllegalStateException("vmods.txt is missing from the VCL catalogue");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Builder b = null;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String kind = line.substring(0, line.indexOf(' '));
        String rest = line.substring(kind.length() + 1);
        switch (kind) {
          case "vmod" -> {
            if (b != null) {
              out.put(b.name, b.build());
            }
            b = new Builder(rest.trim());
          }
          case "func" -> {
            Signature s = signature(rest, true);
            b.functions.put(shortName(s.name(), 1), s);
          }
          case "object" -> {
            boolean nullOk = rest.endsWith(" null_ok");
            String body = nullOk ? rest.substring(0, rest.length() - 8) : rest;
            String name = body.substring(0, body.indexOf(' '));
            Signature ctor = new Signature(name, VclType.VOID, params(body.substring(body.indexOf('(')).trim()));
            b.objects.put(shortName(name, 1), new ObjBuilder(name, ctor, nullOk));
          }
          case "method" -> {
            Signature s = signature(rest, true);
            String[] parts = s.name().split("\\.");
            b.objects.get(parts[1]).methods.put(parts[2], s);
          }
          case "alias" -> {
            String[] p = rest.trim().split("\\s+");
            String[] from = p[0].split("\\.");
            String[] to = p[1].split("\\.");
            if (from.length == 2) {
              b.aliases.put(from[1], to[1]);
            } else {
              b.objects.get(from[1]).aliases.put(from[2], to[2]);
            }
          }
          default -> throw new IllegalStateException("vmods.txt: " + line);
        }
      }
      if (b != null) {
        out.put(b.name, b.build());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static String shortName(String name, int index) {
    return name.split("\\.")[index];
  }

  private static Signature signature(String text, boolean withReturn) {
    String[] head = text.substring(0, text.indexOf('(')).trim().split("\\s+");
    VclType ret = type(head[1]);
    return new Signature(head[0], ret, params(text.substring(text.indexOf('(')).trim()));
  }

  private static VclType type(String name) {
    return VclType.named(name).orElseThrow(() -> new IllegalStateException("vmods.txt: type " + name));
  }

  /** Parses "(TYPE name = default, [TYPE name], ...)". */
  static List<Param> params(String list) {
    String inner = list.substring(1, list.lastIndexOf(')')).trim();
    List<Param> out = new ArrayList<>();
    if (inner.isEmpty()) {
      return out;
    }
    for (String item : splitTopLevel(inner)) {
      String p = item.trim();
      boolean optional = p.startsWith("[") && p.endsWith("]");
      if (optional) {
        p = p.substring(1, p.length() - 1).trim();
      }
      String def = null;
      int eq = p.indexOf(" = ");
      if (eq >= 0) {
        def = p.substring(eq + 3).trim();
        p = p.substring(0, eq).trim();
      }
      String typeText;
      String name = null;
      int sp = p.lastIndexOf(' ');
      if (sp >= 0 && !p.substring(sp).contains("}")) {
        typeText = p.substring(0, sp).trim();
        name = p.substring(sp + 1).trim();
      } else {
        typeText = p;
      }
      if (typeText.startsWith("PRIV_")) {
        out.add(new Param(null, typeText, name, null, false, List.of()));
      } else if (typeText.startsWith("ENUM{")) {
        List<String> values = List.of(typeText.substring(5, typeText.length() - 1).split(","));
        out.add(new Param(VclType.ENUM, null, name, def, optional, values));
      } else {
        out.add(new Param(type(typeText), null, name, def, optional, List.of()));
      }
    }
    return out;
  }

  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && (c == '{' || c == '[')) {
        depth++;
      } else if (!quoted && (c == '}' || c == ']')) {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  private static final class Builder {
    final String name;
    final Map<String, Signature> functions = new LinkedHashMap<>();
    final Map<String, ObjBuilder> objects = new LinkedHashMap<>();
    final Map<String, String> aliases = new LinkedHashMap<>();

    Builder(String name) {
      this.name = name;
    }

    Vmod build() {
      Map<String, Vmod.ObjectClass> objs = new LinkedHashMap<>();
      objects.forEach((k, v) -> objs.put(k, new Vmod.ObjectClass(v.name, v.ctor, v.methods, v.aliases, v.nullOk)));
      return new Vmod(name, functions, objs, aliases);
    }
  }

  private static final class ObjBuilder {
    final String name;
    final Signature ctor;
    final boolean nullOk;
    final Map<String, Signature> methods = new LinkedHashMap<>();
    final Map<String, String> aliases = new LinkedHashMap<>();

    ObjBuilder(String name, Signature ctor, boolean nullOk) {
      this.name = name;
      this.ctor = ctor;
      this.nullOk = nullOk;
    }
  }
}
