package org.opsbook.checker.vcl.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opsbook.checker.vcl.catalogue.HttpStatus;
import org.opsbook.checker.vcl.catalogue.ReturnAction;
import org.opsbook.checker.vcl.catalogue.SubMethod;
import org.opsbook.checker.vcl.catalogue.VclType;
import org.opsbook.checker.vcl.model.Addresses;
import org.opsbook.checker.vcl.model.Backend;
import org.opsbook.checker.vcl.model.Expr;
import org.opsbook.checker.vcl.model.Pos;
import org.opsbook.checker.vcl.model.Stmt;
import org.opsbook.checker.vcl.model.SubDef;
import org.opsbook.checker.vcl.model.VclProgram;

/**
 * Runs a compiled VCL program for one client request, as Varnish 7.1's request state machine
 * (cache_req_fsm.c) does up to the point where a backend or the cache would be needed: the core's
 * preparation, vcl_recv, vcl_hash, and for synthetic answers vcl_purge and vcl_synth, with
 * restarts. Each subroutine's own bodies run first, then the built-in VCL's. One instance per
 * request; not thread-safe.
 */
final class Interpreter {
  /** Varnish's max_restarts parameter (default). */
  static final int MAX_RESTARTS = 4;

  private final VclProgram p;
  final Request q;
  final List<String> trace = new ArrayList<>();
  final Functions functions;

  Headers req;
  String method;
  String url;
  String proto;
  long restarts;
  Values.Backend hint;
  Object identity;
  Headers resp;
  long respStatus;
  Object respReason;
  final Map<String, Object> others = new LinkedHashMap<>();
  final List<Object> hashInputs = new ArrayList<>();
  private SubMethod current;

  /** A return in flight: the action (null for a custom subroutine's plain return) and its arguments. */
  record Ret(ReturnAction action, List<Object> args, Pos pos) {}

  /** A VRT_fail: the subroutine stops as if it returned fail. */
  static final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failed(String why) {
      super(why, null, false, false);
    }
  }

  Interpreter(VclProgram p, Request q) {
    this.p = p;
    this.q = q;
    this.functions = new Functions(this);
  }

  // --- The request state machine ---

  /** Where the request state machine is. */
  private enum Step { RECV, PURGE, SYNTH, RESTART }

  Outcome run() {
    String refused = Transport.refusal(q);
    if (refused != null) {
      note("Varnish's HTTP/1 reader refuses the request before any VCL runs: " + refused);
      return new Outcome("refused 400 before VCL", List.of(), trace);
    }
    method = q.method();
    url = q.url();
    proto = q.proto();
    req = new Headers(q.headers());
    // cnt_recv_prep: X-Forwarded-For gets the client address; Cache-Control lines are joined.
    req.collect("X-Forwarded-For", ", ");
    Object xff = req.get("X-Forwarded-For");
    String client = Addresses.format(q.client());
    req.unset("X-Forwarded-For");
    req.set("X-Forwarded-For", xff == null ? client : (xff instanceof Values.Unknown ? xff : xff + ", " + client));
    req.collect("Cache-Control", ", ");
    hint = defaultBackend();
    Headers entry = req.copy();
    String entryUrl = url;
    String entryMethod = method;
    List<String> prefix = new ArrayList<>();
    Step step = Step.RECV;
    long code = 0;
    Object reason = null;
    while (true) {
      switch (step) {
        case RECV -> {
          ReturnAction recv = method(SubMethod.RECV);
          if (recv == ReturnAction.VCL) {
            throw new CannotEvaluate("return (vcl(...)) switches to another loaded VCL, which the model does not have");
          }
          if (recv == ReturnAction.FAIL) {
            // cnt_vclfail rolls the request back before the synthetic response.
            req = entry.copy();
            url = entryUrl;
            method = entryMethod;
            prefix.add("fail");
            code = 503;
            reason = "VCL failed";
            step = Step.SYNTH;
            continue;
          }
          Ret recvReturn = lastReturn;
          if (recv != ReturnAction.PIPE && recv != ReturnAction.PASS) {
            normalizeAcceptEncoding();
          }
          if (method(SubMethod.HASH_) == ReturnAction.FAIL) {
            prefix.add("fail");
            code = 503;
            reason = "VCL failed";
            step = Step.SYNTH;
            continue;
          }
          switch (recv) {
            case HASH, PASS, PIPE -> {
              String action = recv.word();
              if (recv == ReturnAction.PIPE && proto.compareTo("HTTP/1.1") > 0) {
                note("pipe is not possible for " + proto + ": Varnish passes instead");
                action = "pass";
              }
              prefix.add(action);
              return forward(String.join("; ", prefix), entry, entryUrl, entryMethod);
            }
            case SYNTH -> {
              Object[] c = synthArgs(recvReturn);
              code = (Long) c[0];
              reason = c[1];
              step = Step.SYNTH;
            }
            case PURGE -> {
              prefix.add("purge");
              step = Step.PURGE;
            }
            case RESTART -> step = Step.RESTART;
            default -> throw new IllegalStateException("vcl_recv returned " + recv);
          }
        }
        case PURGE -> {
          ReturnAction purge = method(SubMethod.PURGE_);
          if (purge == ReturnAction.SYNTH) {
            Object[] c = synthArgs(lastReturn);
            code = (Long) c[0];
            reason = c[1];
            step = Step.SYNTH;
          } else if (purge == ReturnAction.FAIL) {
            prefix.add("fail");
            code = 503;
            reason = "VCL failed";
            step = Step.SYNTH;
          } else {
            step = Step.RESTART;
          }
        }
        case RESTART -> {
          restarts++;
          prefix.add("restart");
          if (restarts > MAX_RESTARTS) {
            note("too many restarts (max_restarts is " + MAX_RESTARTS + "): Varnish answers with a synthetic 503");
            code = 503;
            reason = null;
            step = Step.SYNTH;
          } else {
            note("restart " + restarts + ": vcl_recv runs again");
            hashInputs.clear();
            step = Step.RECV;
          }
        }
        case SYNTH -> {
          long status = code < 100 ? 501 : code;
          resp = new Headers();
          respStatus = status;
          respReason = reason == null ? HttpStatus.reason(status) : reason;
          note("synthetic response " + status + " " + Values.show(respReason) + ": vcl_synth runs");
          ReturnAction r = method(SubMethod.SYNTH_);
          if (r == ReturnAction.FAIL) {
            note("vcl_synth failed: Varnish sends a minimal 500 response");
            prefix.add("synth 500 \"Internal Server Error\"");
            return new Outcome(String.join("; ", prefix), List.of(), trace);
          }
          if (r == ReturnAction.RESTART && restarts <= MAX_RESTARTS) {
            step = Step.RESTART;
            continue;
          }
          List<Outcome.Clause> clauses = new ArrayList<>(requestChanges(entry, entryUrl, entryMethod));
          for (Object[] line : resp.lines()) {
            clauses.add(headerClause("resp.http." + line[0], line[1]));
          }
          prefix.add("synth " + respStatus + " " + quote(respReason));
          return new Outcome(String.join("; ", prefix), clauses, trace);
        }
        default -> throw new IllegalStateException(String.valueOf(step));
      }
    }
  }

  private Ret lastReturn;

  private Values.Backend defaultBackend() {
    String name = p.defaultBackend();
    if (name == null) {
      return null;
    }
    Backend b = p.backends().get(name);
    return b == null || b.none() ? null : new Values.Backend(b.name());
  }

  private Object[] synthArgs(Ret r) {
    Object status = r.args().get(0);
    if (!(status instanceof Long)) {
      throw new CannotEvaluate("the status of return (synth(...))" + at(r.pos()) + " is not known");
    }
    long code = (Long) status;
    Object reason = r.args().size() > 1 ? r.args().get(1) : null;
    if (reason instanceof Values.Unknown u) {
      throw new CannotEvaluate("the reason of return (synth(...))" + at(r.pos()) + " is not known: " + u.why());
    }
    return new Object[] {code, reason};
  }

  private Outcome forward(String action, Headers entry, String entryUrl, String entryMethod) {
    List<Outcome.Clause> clauses = new ArrayList<>();
    clauses.add(new Outcome.Clause("backend", "backend " + (hint == null ? "(none)" : hint.name()), true));
    clauses.addAll(requestChanges(entry, entryUrl, entryMethod));
    if (action.equals("hash")) {
      StringBuilder h = new StringBuilder("hash");
      boolean known = true;
      for (Object o : hashInputs) {
        h.append(' ').append(o instanceof String s ? "\"" + s + "\"" : "?");
        known &= o instanceof String;
      }
      clauses.add(new Outcome.Clause("hash", h.toString(), known));
    }
    return new Outcome(action, clauses, trace);
  }

  /** What VCL changed in the request: URL, method, and headers set or removed. */
  private List<Outcome.Clause> requestChanges(Headers entry, String entryUrl, String entryMethod) {
    List<Outcome.Clause> out = new ArrayList<>();
    if (!url.equals(entryUrl)) {
      out.add(new Outcome.Clause("req.url", "req.url: " + url, true));
    }
    if (!method.equals(entryMethod)) {
      out.add(new Outcome.Clause("req.method", "req.method: " + method, true));
    }
    for (Object[] line : req.lines()) {
      String name = (String) line[0];
      Object before = entry.get(name);
      if (before == null || !before.equals(req.get(name))) {
        out.add(headerClause("req.http." + name, req.get(name)));
      }
    }
    for (Object[] line : entry.lines()) {
      String name = (String) line[0];
      if (!req.has(name) && out.stream().noneMatch(c -> c.key().equals("unset req.http." + name.toLowerCase(Locale.ROOT)))) {
        out.add(new Outcome.Clause("unset req.http." + name.toLowerCase(Locale.ROOT), "unset req.http." + name, true));
      }
    }
    return out;
  }

  private static Outcome.Clause headerClause(String name, Object value) {
    String key = name.toLowerCase(Locale.ROOT);
    if (value instanceof Values.Unknown u) {
      return new Outcome.Clause(key, name + ": (unknown: " + u.why() + ")", false);
    }
    return new Outcome.Clause(key, name + ": " + value, true);
  }

  private static String quote(Object s) {
    return s instanceof String str ? "\"" + str + "\"" : "(unknown reason)";
  }

  /** Varnish's http_gzip_support: Accept-Encoding becomes "gzip" or goes, after vcl_recv. */
  private void normalizeAcceptEncoding() {
    Object ae = req.get("Accept-Encoding");
    if (ae instanceof Values.Unknown) {
      throw new CannotEvaluate("Accept-Encoding is not known after vcl_recv");
    }
    boolean gzip = Functions.acceptsGzip(req);
    if (gzip) {
      req.set("Accept-Encoding", "gzip");
    } else {
      req.unset("Accept-Encoding");
    }
  }

  void note(String line) {
    trace.add(line);
  }

  // --- Subroutines ---

  /** Runs a method's bodies (the author's, then the built-in VCL's) to its return action. */
  ReturnAction method(SubMethod m) {
    SubMethod saved = current;
    current = m;
    try {
      SubDef sub = p.subs().get(m.subName());
      for (Stmt.Block body : sub.bodies()) {
        Ret r = block(body);
        if (r != null && r.action() != null) {
          lastReturn = r;
          note(m.subName() + ": return (" + r.action().word() + ")" + at(r.pos()));
          return r.action();
        }
      }
      throw new IllegalStateException(m.subName() + " ended without a return");
    } catch (Failed f) {
      note(m.subName() + ": " + f.getMessage() + ": the subroutine fails");
      lastReturn = new Ret(ReturnAction.FAIL, List.of(), null);
      return ReturnAction.FAIL;
    } finally {
      current = saved;
    }
  }

  SubMethod current() {
    return current;
  }

  static String at(Pos pos) {
    if (pos == null) {
      return "";
    }
    return pos.isAuthors() ? " (line " + pos.line() + ")" : " (built-in VCL)";
  }

  private Ret block(Stmt.Block b) {
    for (Stmt st : b.statements()) {
      Ret r = statement(st);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  private Ret statement(Stmt st) {
    if (st instanceof Stmt.Block b) {
      return block(b);
    }
    if (st instanceof Stmt.If i) {
      for (Stmt.Branch br : i.branches()) {
        boolean holds = condition(br.condition());
        if (holds) {
          return block(br.body());
        }
      }
      return i.otherwise() == null ? null : block(i.otherwise());
    }
    if (st instanceof Stmt.Return r) {
      List<Object> args = new ArrayList<>();
      for (Expr a : r.args()) {
        args.add(new Evaluator(this).eval(a));
      }
      if ((r.action() == ReturnAction.SYNTH || r.action() == ReturnAction.ERROR) && args.get(0) instanceof Long code
          && (code < 0 || code > 65535 || code % 1000 < 100)) {
        // VRT_synth refuses the status and fails the subroutine.
        throw new Failed("return(synth()) status code (" + code + ") is not allowed");
      }
      return new Ret(r.action(), args, r.pos());
    }
    if (st instanceof Stmt.Call c) {
      if (c.sub() == null) {
        throw new CannotEvaluate("a call of a SUB value");
      }
      SubDef sub = p.subs().get(c.sub().toLowerCase(Locale.ROOT));
      if (sub == null) {
        throw new CannotEvaluate("subroutine " + c.sub() + " is not part of the snippet");
      }
      for (Stmt.Block body : sub.bodies()) {
        Ret r = block(body);
        if (r != null) {
          return r.action() == null ? null : r;
        }
      }
      return null;
    }
    if (st instanceof Stmt.Set s) {
      new Assignments(this).set(s);
      return null;
    }
    if (st instanceof Stmt.Unset u) {
      new Assignments(this).unset(u);
      return null;
    }
    if (st instanceof Stmt.HashData h) {
      Object v = new Evaluator(this).eval(h.value());
      hashInputs.add(v instanceof Values.Unknown ? v : Values.toStr(v, VclType.STRING));
      return null;
    }
    if (st instanceof Stmt.Effect e) {
      new Evaluator(this).eval(e.call());
      return null;
    }
    if (st instanceof Stmt.Ban b) {
      note("ban(" + Values.show(new Evaluator(this).eval(b.expression())) + ")" + at(b.pos()));
      return null;
    }
    if (st instanceof Stmt.Synthetic) {
      return null;
    }
    throw new CannotEvaluate("a statement the model does not run" + at(st.pos()));
  }

  private boolean condition(Expr cond) {
    Object v = new Evaluator(this).eval(cond);
    if (v instanceof Values.Unknown u) {
      throw new CannotEvaluate("the condition" + at(cond.pos()) + " depends on " + u.why());
    }
    boolean holds = Boolean.TRUE.equals(v);
    if (cond.pos().isAuthors()) {
      note((current == null ? "" : current.subName() + ": ") + "condition" + at(cond.pos()) + " is "
          + (holds ? "true" : "false"));
    }
    return holds;
  }

  VclProgram program() {
    return p;
  }
}
