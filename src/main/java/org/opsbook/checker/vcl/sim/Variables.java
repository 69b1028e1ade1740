package org.opsbook.checker.vcl.sim;

import java.util.Locale;
import org.opsbook.checker.vcl.model.Addresses;
import org.opsbook.checker.vcl.model.Expr;

/** Reads of VCL variables on the client side, from the request and what VCL did to it. */
final class Variables {
  private final Interpreter in;

  Variables(Interpreter in) {
    this.in = in;
  }

  Object read(Expr.VarRead v) {
    String family = v.variable().name().toLowerCase(Locale.ROOT);
    if (v.header() != null) {
      return switch (family) {
        case "req.http" -> in.req.get(v.header());
        case "resp.http" -> in.resp == null ? new Values.Unknown("resp outside vcl_synth") : in.resp.get(v.header());
        default -> new Values.Unknown(family + " headers, which exist only with a backend or a cached object");
      };
    }
    Object other = in.others.get(family);
    if (other != null) {
      return other;
    }
    return switch (family) {
      case "req.method" -> in.method;
      case "req.url" -> in.url;
      case "req.proto" -> in.proto;
      case "req.restarts" -> in.restarts;
      case "req.esi_level" -> 0L;
      case "req.backend_hint" -> in.hint;
      case "client.ip", "remote.ip" -> new Values.Ip(in.q.client(), in.q.clientPort());
      case "server.ip", "local.ip" -> new Values.Ip(in.q.server(), in.q.serverPort());
      case "client.identity" -> in.identity != null ? in.identity : Addresses.format(in.q.client());
      case "req.can_gzip" -> Functions.acceptsGzip(in.req);
      case "req.is_hitmiss", "req.is_hitpass", "req.hash_always_miss", "req.hash_ignore_busy",
          "req.hash_ignore_vary", "resp.is_streaming", "req.esi" -> family.equals("req.esi");
      case "req.ttl", "req.grace" -> new Values.Duration(-1);
      case "req.transport" -> in.proto.startsWith("HTTP/2") ? "HTTP/2" : "HTTP/1";
      case "req_top.method" -> in.method;
      case "req_top.url" -> in.url;
      case "req_top.proto" -> in.proto;
      case "resp.status" -> in.respStatus;
      case "resp.reason" -> in.respReason;
      case "resp.proto" -> "HTTP/1.1";
      default -> new Values.Unknown(v.name() + ", which the model does not know");
    };
  }
}
