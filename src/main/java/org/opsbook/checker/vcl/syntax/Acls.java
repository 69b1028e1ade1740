package org.opsbook.checker.vcl.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsbook.checker.vcl.catalogue.VclType;
import org.opsbook.checker.vcl.model.Acl;
import org.opsbook.checker.vcl.model.AclEntry;
import org.opsbook.checker.vcl.model.Addresses;
import org.opsbook.checker.vcl.rules.VclRules;

/** {@code acl NAME [+log] [-pedantic] [+table] { ... }} as vcc_acl.c reads it. */
final class Acls {
  private final Compilation c;

  Acls(Compilation c) {
    this.c = c;
  }

  void acl() {
    c.next();
    c.expectName("ACL");
    Token name = c.t();
    Symbol sym = c.defineHandle(VclType.ACL);
    boolean log = false;
    boolean pedantic = true;
    boolean table = false;
    while (c.t().is("+") || c.t().is("-")) {
      Token sign = c.t();
      Token word = c.peek();
      if (word.start() != sign.end() || word.source() != sign.source()) {
        throw c.error(VclRules.ACL, "Expected a flag at:", sign, "Valid ACL flags are `log` and `table`");
      }
      c.next();
      boolean on = sign.is("+");
      if (word.isId("log")) {
        log = on;
      } else if (word.isId("pedantic")) {
        pedantic = on;
      } else if (word.isId("table")) {
        table = on;
      } else {
        throw c.error(VclRules.ACL, "Unknown ACL flag:", word);
      }
      c.next();
    }
    c.skip("{");
    List<AclEntry> entries = new ArrayList<>();
    List<Token> written = new ArrayList<>();
    while (!c.t().is("}")) {
      entries.addAll(entry(pedantic, entries, written));
      c.skip(";");
    }
    c.skip("}");
    c.acls.put(sym.fullName().toLowerCase(Locale.ROOT), new Acl(name.text(), Compilation.pos(name), pedantic, log,
        table, entries));
  }

  private List<AclEntry> entry(boolean pedantic, List<AclEntry> before, List<Token> written) {
    boolean negated = false;
    boolean optional = false;
    if (c.t().is("!")) {
      negated = true;
      c.next();
    }
    if (c.t().is("(")) {
      optional = true;
      c.next();
    }
    if (!negated && c.t().is("!")) {
      negated = true;
      c.next();
    }
    c.expect(TokenType.CSTR);
    Token addr = c.t();
    String text = addr.decoded();
    c.next();
    Long mask = null;
    Token maskToken = null;
    int slash = text.indexOf('/');
    if (slash >= 0) {
      String m = text.substring(slash + 1);
      text = text.substring(0, slash);
      mask = strtoul(m);
      if (mask == null) {
        throw c.error(VclRules.ACL, ".../mask is not numeric.", addr);
      }
      maskToken = addr;
      if (c.t().is("/")) {
        throw c.error(VclRules.ACL, "/mask only allowed once.", c.t());
      }
    } else if (c.t().is("/")) {
      c.next();
      maskToken = c.t();
      c.expect(TokenType.CNUM);
      mask = Long.parseLong(c.t().text());
      c.next();
    }
    if (optional) {
      c.skip(")");
    }
    byte[] net = netNotation(text);
    if (net != null) {
      int parts = net[4];
      return List.of(place(pedantic, before, written, addr, maskToken, negated, optional, text,
          java.util.Arrays.copyOf(net, 4), mask != null ? clamp(mask) : 8 + 8 * parts));
    }
    if (text.equals("*")) {
      // vss.c reads "*" as no host, and getaddrinfo without a host and without AI_PASSIVE gives the
      // loopback addresses of both families (observed: "127.0.0.1"; !"*"; conflict).
      if (mask != null) {
        throw c.error(VclRules.ACL, "Mask (/" + mask + ") specified, but string resolves to both IPv4 and IPv6"
            + " addresses.", maskToken, "write \"0.0.0.0\"/0 and \"::\"/0 to match every client");
      }
      AclEntry v4 = place(pedantic, before, written, addr, maskToken, negated, optional, text,
          new byte[] {127, 0, 0, 1}, 32);
      List<AclEntry> both = new ArrayList<>(before);
      both.add(v4);
      return List.of(v4, place(pedantic, both, written, addr, maskToken, negated, optional, text,
          Addresses.parseIpv6("::1"), 128));
    }
    net = Addresses.parseIpv6(text);
    if (net != null) {
      return List.of(place(pedantic, before, written, addr, maskToken, negated, optional, text, net,
          mask != null ? clamp(mask) : 128));
    }
    if (text.matches("[0-9A-Fa-fxX.]+") && Endpoints.inetAton(text)) {
      // getaddrinfo reads inet_aton's forms ("8080", "0x7f.1") as one IPv4 address, a /32.
      return List.of(place(pedantic, before, written, addr, maskToken, negated, optional, text,
          Endpoints.inetAtonBytes(text), mask != null ? clamp(mask) : 32));
    }
    if (!optional && !text.matches("[A-Za-z0-9._-]+")) {
      // Not a host name DNS could answer for (RFC 1123 letters, digits, hyphens and dots): getaddrinfo
      // fails whatever the resolver, and only a ( ) entry may fail.
      throw c.error(VclRules.ACL, "DNS lookup(" + text + "): Name or service not known", addr,
          "an ACL entry is an address or host name alone: no port, no brackets, no spaces");
    }
    // A host name: VCC asks DNS when it compiles; opsbook cannot.
    c.notices.add(new Compilation.Notice(VclRules.HOST_NAME, addr, "ACL entry " + addr.quoted()
        + " is a name that Varnish looks up in DNS when it compiles the VCL; opsbook cannot check what it"
        + " matches", optional ? null : "a name that does not resolve makes VCC refuse the VCL"));
    written.add(addr);
    return List.of(new AclEntry(Compilation.pos(addr), negated, text, null, mask == null ? -1 : clamp(mask), false,
        optional));
  }

  /** Checks one address entry as vcc_acl_insert_entry does, and records where it was written. */
  private AclEntry place(boolean pedantic, List<AclEntry> before, List<Token> written, Token addr, Token maskToken,
      boolean negated, boolean optional, String text, byte[] net, int prefix) {
    if (net.length == 4 && prefix > 32) {
      throw c.error(VclRules.ACL, "Too wide mask (/" + prefix + ") for IPv4 address",
          maskToken != null ? maskToken : addr);
    }
    if (net.length == 16 && prefix > 128) {
      throw c.error(VclRules.ACL, "Too wide mask (/" + prefix + ") for IPv6 address", maskToken);
    }
    byte[] cleared = clear(net, prefix);
    boolean hostBits = !java.util.Arrays.equals(cleared, net);
    if (hostBits && pedantic) {
      throw c.error(VclRules.ACL, "Non-zero bits in masked part, (maybe use " + Addresses.format(cleared) + "/"
          + prefix + " ?)", addr);
    }
    AclEntry e = new AclEntry(Compilation.pos(addr), negated, text, cleared, prefix, hostBits, optional);
    for (int k = 0; k < before.size(); k++) {
      AclEntry b = before.get(k);
      if (b.network() != null && b.prefix() == prefix && java.util.Arrays.equals(b.network(), cleared)
          && b.negated() != negated) {
        throw c.error(VclRules.ACL, "Conflicting ACL entries:", written.get(k), "conflicts with the entry at line "
            + addr.line());
      }
    }
    written.add(addr);
    return e;
  }

  private static int clamp(long mask) {
    return mask > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) mask;
  }

  /** strtoul over the whole text, or {@code null} when something follows the number. */
  private static Long strtoul(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    boolean minus = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      minus = s.charAt(i) == '-';
      i++;
    }
    int start = i;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i != s.length()) {
      return null;
    }
    if (start == i) {
      return 0L;
    }
    String digits = s.substring(start, i);
    long v = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    // A negative number wraps around to a huge unsigned value.
    return minus && v != 0 ? 4294967295L : v & 0xffffffffL;
  }

  /**
   * VCC's "net notation": one to four decimal parts, as in {@code "192.168"} for 192.168.0.0/16.
   * Returns the four bytes plus, at index 4, the index of the last part given; or {@code null}.
   */
  static byte[] netNotation(String text) {
    byte[] b = new byte[5];
    String p = text;
    int i;
    for (i = 0; i < 4; i++) {
      int k = 0;
      while (k < p.length() && Character.isWhitespace(p.charAt(k))) {
        k++;
      }
      if (k < p.length() && (p.charAt(k) == '+' || p.charAt(k) == '-')) {
        return null;
      }
      int ds = k;
      while (k < p.length() && Character.isDigit(p.charAt(k))) {
        k++;
      }
      if (ds == k) {
        return null;
      }
      String digits = p.substring(ds, k).replaceFirst("^0+(?=.)", "");
      if (digits.length() > 3 || Integer.parseInt(digits) > 255) {
        return null;
      }
      b[i] = (byte) Integer.parseInt(digits);
      if (k == p.length()) {
        break;
      }
      if (p.charAt(k) != '.') {
        return null;
      }
      p = p.substring(k + 1);
    }
    b[4] = (byte) i;
    return b;
  }

  private static byte[] clear(byte[] net, int prefix) {
    byte[] out = net.clone();
    for (int bit = Math.max(prefix, 0); bit < out.length * 8; bit++) {
      out[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
    }
    return out;
  }
}
