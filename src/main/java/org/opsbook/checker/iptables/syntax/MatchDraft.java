package org.opsbook.checker.iptables.syntax;

import java.util.List;
import org.opsbook.checker.iptables.model.OptionValue;
import org.opsbook.checker.iptables.model.Word;

/** A match while its options are being read; {@code options} is filled in by the parser. */
record MatchDraft(Extension ext, Word at, boolean implicit, List<OptionValue> options) {}
