package org.opsbook.checker.vcl.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.vcl.model.Acl;
import org.opsbook.checker.vcl.model.AclEntry;
import org.opsbook.checker.vcl.model.VclProgram;

/** Entries of {@code -pedantic} ACLs with bits beyond their mask, which Varnish silently clears. */
final class AclMaskedBitsRule implements Rule<VclProgram> {
  @Override
  public RuleInfo info() {
    return VclRules.ACL_MASKED_BITS;
  }

  @Override
  public void check(VclProgram p, Findings findings) {
    for (Acl acl : p.acls().values()) {
      for (AclEntry e : acl.entries()) {
        if (e.hostBits()) {
          Reporting.at(findings, info(), e.pos(), "\"" + e.text() + "\"/" + e.prefix() + " has bits set beyond its"
              + " mask; Varnish matches all of " + e.cidr(), "write " + e.cidr() + " if the network is meant, or the"
              + " address without a mask for one host");
        }
      }
    }
  }
}
