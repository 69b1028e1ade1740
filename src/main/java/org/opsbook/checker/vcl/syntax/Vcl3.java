package org.opsbook.checker.vcl.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opsbook.checker.vcl.catalogue.ReturnAction;
import org.opsbook.checker.vcl.catalogue.SubMethod;

/**
 * Constructs of VCL 3 (and 2) that Varnish 4 and later refuse, recognised in the token stream,
 * each with what replaced it. Facts from Varnish's "Upgrading to Varnish 4.0" notes and vcl(7).
 */
final class Vcl3 {
  /** A construct found at tokens {@code [start, end)}, with the advice to give. */
  record Found(int start, int end, String advice) {}

  private Vcl3() {}

  /** Every VCL 3 construct in the author's tokens, in order. */
  static List<Found> scan(List<Token> tokens) {
    List<Found> out = new ArrayList<>();
    int depth = 0;
    String sub = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.source().isAuthors()) {
        continue;
      }
      if (t.is("{")) {
        depth++;
        continue;
      }
      if (t.is("}")) {
        depth = Math.max(0, depth - 1);
        if (depth == 0) {
          sub = null;
        }
        continue;
      }
      if (t.type() != TokenType.ID) {
        continue;
      }
      String w = t.text().toLowerCase(Locale.ROOT);
      if (depth == 0) {
        if (w.equals("sub") && id(tokens, i + 1) != null) {
          sub = id(tokens, i + 1).toLowerCase(Locale.ROOT);
          String advice = subAdvice(sub);
          if (advice != null) {
            out.add(new Found(i, i + 2, advice));
          }
        } else if (w.equals("director")) {
          out.add(new Found(i, i + 1, "`director NAME TYPE { ... }` is VCL 3: since Varnish 4 directors come from"
              + " vmod_directors: `import directors;`, then in vcl_init `new NAME = directors.round_robin();`"
              + " and `NAME.add_backend(b1);`, and `set req.backend_hint = NAME.backend();`"));
        }
        continue;
      }
      boolean statementStart = i > 0 && (tokens.get(i - 1).is(";") || tokens.get(i - 1).is("{")
          || tokens.get(i - 1).is("}"));
      if (statementStart) {
        String advice = statementAdvice(w, tokens, i);
        if (advice != null) {
          out.add(new Found(i, i + 1, advice));
          continue;
        }
      }
      if (w.equals("return") && tokens.get(Math.min(i + 1, tokens.size() - 1)).is("(") && id(tokens, i + 2) != null) {
        String action = id(tokens, i + 2);
        String advice = returnAdvice(sub, action);
        if (advice != null) {
          out.add(new Found(i, i + 3, advice));
        }
        continue;
      }
      if (i + 2 < tokens.size() && tokens.get(i + 1).is(".") && tokens.get(i + 2).type() == TokenType.ID) {
        String advice = variableAdvice(w, tokens.get(i + 2).text().toLowerCase(Locale.ROOT), tokens, i);
        if (advice != null) {
          out.add(new Found(i, i + 3, advice));
        }
      }
    }
    return out;
  }

  /** The advice for a construct covering token {@code index}, if one does. */
  static Optional<Found> at(List<Token> tokens, int index) {
    for (Found f : scan(tokens)) {
      if (f.start() <= index && index < f.end()) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  private static String id(List<Token> tokens, int i) {
    return i < tokens.size() && tokens.get(i).type() == TokenType.ID ? tokens.get(i).text() : null;
  }

  static String subAdvice(String name) {
    return switch (name) {
      case "vcl_fetch" -> "vcl_fetch is VCL 3: Varnish 4 and later call it vcl_backend_response, which sees"
          + " bereq and beresp (not req) and returns deliver, retry, abandon, pass or error";
      case "vcl_error" -> "vcl_error is VCL 3: responses made in VCL go through vcl_synth (`return (synth(503,"
          + " \"reason\"));`, with resp.status, resp.reason and resp.http), failed fetches through"
          + " vcl_backend_error (with beresp)";
      case "vcl_discard", "vcl_timeout", "vcl_prefetch" -> name + " is VCL 2 and was removed in Varnish 3";
      default -> null;
    };
  }

  private static String statementAdvice(String w, List<Token> tokens, int i) {
    return switch (w) {
      case "error" -> "`error STATUS \"reason\";` is VCL 3: write `return (synth(STATUS, \"reason\"));` and build"
          + " the response in vcl_synth";
      case "purge" -> "`purge;` is VCL 3: purge with `return (purge);` in vcl_recv";
      case "purge_url", "purge_hash", "ban_url" -> "`" + w + "(...)` is VCL 2/3: use `ban(\"req.url ~ \" +"
          + " ...);`, or `return (purge);` in vcl_recv for one URL";
      case "remove" -> "`remove` is VCL 3: it is `unset` now";
      case "esi" -> "`esi;` is VCL 2: write `set beresp.do_esi = true;` in vcl_backend_response";
      case "restart", "lookup", "deliver", "fetch", "pipe", "pass" -> "`" + w + ";` as a statement is VCL 2:"
          + " write `return (" + (w.equals("lookup") ? "hash" : w) + ");`";
      case "synthetic" -> i + 1 < tokens.size() && tokens.get(i + 1).type() == TokenType.CSTR
          ? "`synthetic \"...\";` is VCL 3: it is a function now, `synthetic(\"...\");` in vcl_synth or"
              + " vcl_backend_error (or `set resp.body = \"...\";`)"
          : null;
      default -> null;
    };
  }

  static String returnAdvice(String sub, String action) {
    String a = action.toLowerCase(Locale.ROOT);
    if (a.equals("hit_for_pass")) {
      return "`return (hit_for_pass)` is VCL 3: in vcl_backend_response write `set beresp.uncacheable = true;"
          + " set beresp.ttl = 120s; return (deliver);`";
    }
    if (sub == null) {
      return null;
    }
    return switch (sub + "/" + a) {
      case "vcl_recv/lookup" -> "`return (lookup)` in vcl_recv is VCL 3: it is `return (hash);` now";
      case "vcl_hash/hash" -> "`return (hash)` in vcl_hash is VCL 3: it is `return (lookup);` now";
      case "vcl_pass/pass" -> "`return (pass)` in vcl_pass is VCL 3: it is `return (fetch);` now";
      case "vcl_fetch/restart", "vcl_backend_response/restart" -> "`return (restart)` after a backend"
          + " response is VCL 3: since Varnish 4 it is `return (retry);` in vcl_backend_response";
      case "vcl_hit/fetch" -> "`return (fetch)` in vcl_hit is gone since Varnish 5: use `return (pass);`, or"
          + " `return (restart);` with `set req.hash_always_miss = true;`";
      case "vcl_error/deliver" -> "vcl_error is VCL 3: see vcl_synth";
      default -> null;
    };
  }

  /** Advice for an invalid return found after compilation, from the method and the action. */
  static String returnAdvice(SubMethod method, ReturnAction action) {
    return returnAdvice(method.subName(), action.word());
  }

  private static String variableAdvice(String head, String tail, List<Token> tokens, int i) {
    return switch (head + "." + tail) {
      case "req.request" -> "req.request is VCL 3: it is req.method now";
      case "bereq.request" -> "bereq.request is VCL 3: it is bereq.method now";
      case "req.backend" -> i + 4 < tokens.size() && tokens.get(i + 3).is(".")
          && tokens.get(i + 4).isId("healthy")
          ? "req.backend.healthy is VCL 3: use `std.healthy(req.backend_hint)` (with `import std;`)"
          : "req.backend is VCL 3: it is req.backend_hint now";
      case "client.port" -> "client.port is VCL 3: use `std.port(client.ip)` (with `import std;`)";
      case "server.port" -> "server.port is VCL 3: use `std.port(server.ip)` (with `import std;`)";
      case "obj.response", "resp.response", "beresp.response" -> head + ".response is VCL 3: it is " + head
          + ".reason now (resp.reason in vcl_synth for what vcl_error called obj.response)";
      case "obj.cacheable", "beresp.cacheable" -> head + ".cacheable is VCL 2: set beresp.uncacheable = true"
          + " (note the inverted sense) in vcl_backend_response";
      case "obj.lastuse", "obj.last_use" -> "obj.lastuse was removed in Varnish 4";
      case "beresp.saintmode" -> "beresp.saintmode is VCL 3: saint mode moved to vmod_saintmode, which is not"
          + " part of Varnish 7.1";
      case "req.hash" -> i > 0 && tokens.get(i - 1).isId("set")
          ? "`set req.hash += ...` is VCL 2: write `hash_data(...)` in vcl_hash" : null;
      default -> null;
    };
  }
}
