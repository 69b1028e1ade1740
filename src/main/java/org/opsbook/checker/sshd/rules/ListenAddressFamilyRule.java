package org.opsbook.checker.sshd.rules;

import java.util.List;
import java.util.Optional;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.openssh.Addresses;
import org.opsbook.checker.sshd.catalogue.ListenAddressForm;
import org.opsbook.checker.sshd.effective.LoadedConfig;
import org.opsbook.checker.sshd.model.Directive;

/**
 * A ListenAddress of the address family AddressFamily leaves out: sshd resolves it for that
 * family only, once the whole configuration is read, and refuses to start.
 */
public final class ListenAddressFamilyRule implements Rule<LoadedConfig> {
  @Override
  public RuleInfo info() {
    return SshdRules.LISTEN_ADDRESS_FAMILY;
  }

  @Override
  public void check(LoadedConfig input, Findings out) {
    // Without an AddressFamily line there is nothing to refuse, and no need to work out the
    // effective configuration, which was a third of the sshd checker's time.
    List<Directive> set = input.config().global("addressfamily");
    if (set.isEmpty()) {
      return;
    }
    String family = input.effective("addressfamily");
    if (family.equals("any")) {
      return;
    }
    Directive familyLine = set.get(0);
    for (Directive d : input.config().all("listenaddress")) {
      ListenAddressForm form = ListenAddressForm.parse(d.firstValue());
      Optional<byte[]> address = form.problem() == null ? Addresses.parse(form.host()) : Optional.empty();
      if (address.isEmpty()) {
        continue;
      }
      boolean v6 = address.get().length == 16;
      if (family.equals("inet") == v6) {
        input.reportCombined(out, info(), d, familyLine, 0, "bad addr or host: " + form.host() + " (Address family for"
                + " hostname not supported): AddressFamily " + family + " on " + input.config().where(familyLine.file(),
                familyLine.line()) + " leaves out " + (v6 ? "IPv6" : "IPv4") + " addresses, so sshd refuses to start",
            "drop this address, or set AddressFamily any");
      }
    }
  }
}
