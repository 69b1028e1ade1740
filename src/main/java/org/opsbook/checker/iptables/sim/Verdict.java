package org.opsbook.checker.iptables.sim;

import java.util.List;

/**
 * Where a packet ends up and what happened on the way.
 *
 * @param action ACCEPT (delivered or forwarded), DROP, REJECT, QUEUE, or UNKNOWN when a rule
 *     depends on a value the model does not know (a shell variable)
 * @param events rewrites and log entries in order, as test cases state them:
 *     {@code DNAT 127.0.0.1:9040}, {@code SNAT 203.0.113.5}, {@code MASQUERADE 198.51.100.2},
 *     {@code LOG "drop: "}
 * @param trace one line per step: each rule that matched with its snippet line, each policy
 *     applied, the routing decisions
 */
public record Verdict(String action, List<String> events, List<String> trace) {
  public Verdict {
    events = List.copyOf(events);
    trace = List.copyOf(trace);
  }

  /** Events then the final action, joined as a test case writes them. */
  public String outcome() {
    StringBuilder sb = new StringBuilder();
    for (String e : events) {
      sb.append(e).append(", ");
    }
    return sb.append(action).toString();
  }
}
