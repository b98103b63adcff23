package org.athar.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.catalina.util.NetMask;

/**
 * The reverse proxies whose {@code X-Forwarded-*} headers Athar believes ({@code athar.security.trusted-proxies}):
 * IP addresses or CIDR ranges, IPv4 or IPv6. None by default.
 */
final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)](:\\d{1,5})?");

    private final List<NetMask> ranges;

    private TrustedProxies(List<NetMask> ranges) {
        this.ranges = ranges;
    }

    /** Parses the setting; an entry that is not an IP address or CIDR range stops the start with advice. */
    static TrustedProxies of(List<String> entries) {
        return new TrustedProxies(entries.stream().map(TrustedProxies::range).toList());
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** True when {@code address} (as a connection's peer or an {@code X-Forwarded-For} entry) is a trusted proxy. */
    boolean trusts(String address) {
        return literal(address)
                .map(a -> ranges.stream().anyMatch(r -> r.matches(a)))
                .orElse(false);
    }

    /**
     * The client behind a trusted proxy, from the {@code X-Forwarded-For} entries as received (oldest first): read
     * from the right, each trusted proxy added the entry before it; the first entry that is not a trusted proxy is
     * the client, and anything left of it is what the client claimed, never believed. Empty when that entry is not
     * an IP address (the request then keeps the proxy's address).
     */
    Optional<String> client(List<String> forwardedFor) {
        for (int i = forwardedFor.size() - 1; i >= 0; i--) {
            String hop = forwardedFor.get(i).strip();
            if (!trusts(hop)) {
                return literal(hop).map(a -> withoutPort(hop));
            }
        }
        // Every entry is a proxy of ours: the oldest one is where the request came from.
        return forwardedFor.isEmpty()
                ? Optional.empty()
                : Optional.of(withoutPort(forwardedFor.get(0).strip()));
    }

    private static NetMask range(String entry) {
        String address = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry;
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            throw new IllegalArgumentException("athar.security.trusted-proxies: '" + entry + "' is not an IP address "
                    + "or CIDR range; list the reverse proxies' addresses, e.g. 127.0.0.1,10.0.0.0/8 (no host names)");
        }
        try {
            return new NetMask(entry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "athar.security.trusted-proxies: '" + entry + "' is not a valid IP " + "address or CIDR range ("
                            + e.getMessage() + "); e.g. 127.0.0.1,10.0.0.0/8",
                    e);
        }
    }

    // An IP address written as a literal (never a host name, which would need a DNS look-up), ports dropped.
    private static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String address = withoutPort(text.strip());
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static String withoutPort(String text) {
        var v4 = IPV4_WITH_PORT.matcher(text);
        if (v4.matches()) {
            return v4.group(1);
        }
        var v6 = BRACKETED_IPV6.matcher(text);
        return v6.matches() ? v6.group(1) : text;
    }
}
