package org.athar.sharing;

import java.time.Instant;
import java.util.List;

/**
 * One withdrawal notice to write: its id, when and by whom, for whom, the reports to delete (this installation's
 * document ids; pseudonymised recipients get their pseudonyms) and why.
 */
public record WithdrawalSpec(
        String packageId,
        Instant createdAt,
        String createdBy,
        Recipient recipient,
        List<String> reportIds,
        String reason) {

    public WithdrawalSpec {
        reportIds = List.copyOf(reportIds);
    }
}
