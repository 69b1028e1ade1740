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
      entries.add(entry(pedantic, entries, written));
      c.skip(";");
    }
    c.skip("}");
    c.acls.put(sym.fullName().toLowerCase(Locale.ROOT), new Acl(name.text(), Compilation.pos(name), pedantic, log,
        table, entries));
  }

  private AclEntry entry(boolean pedantic, List<AclEntry> before, List<Token> written) {
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
    written.add(addr);
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
    int prefix;
    if (net != null) {
      int parts = net[4];
      net = java.util.Arrays.copyOf(net, 4);
      prefix = mask != null ? clamp(mask) : 8 + 8 * parts;
    } else {
      net = Addresses.parseIpv6(text);
      if (net == null) {
        // A host name: VCC asks DNS when it compiles; opsbook cannot.
        c.notices.add(new Compilation.Notice(VclRules.HOST_NAME, addr, "ACL entry " + addr.quoted()
            + " is a name that Varnish looks up in DNS when it compiles the VCL; opsbook cannot check what it"
            + " matches", optional ? null : "a name that does not resolve makes VCC refuse the VCL"));
        return new AclEntry(Compilation.pos(addr), negated, text, null, mask == null ? -1 : clamp(mask), false,
            optional);
      }
      prefix = mask != null ? clamp(mask) : 128;
    }
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
