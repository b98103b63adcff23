/**
 * Sharing with partner institutions (issue 21): this installation's OpenPGP key, the recipients it sends to and the
 * senders it accepts, consent-aware packages signed and encrypted for one recipient, the append-only ledger of what
 * went where, withdrawal notices, and receiving a partner's package. The package format is in docs/sharing.md.
 */
package org.athar.sharing;
