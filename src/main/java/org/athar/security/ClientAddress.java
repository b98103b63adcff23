package org.athar.security;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address a request came from, for the audit log and the sign-in throttle: the servlet request's remote
 * address, which is the connection's unless it came from a proxy listed in {@code athar.security.trusted-proxies}
 * (then the client that proxy names, see {@link ForwardedHeaderGuard}), or {@link #LOCAL} for work the application
 * does outside any request.
 */
public final class ClientAddress {

    /** The address recorded for work outside a request (start-up, demo loading, background jobs). */
    public static final String LOCAL = "local";

    private ClientAddress() {}

    /** The current request's client address, or {@link #LOCAL}. */
    public static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            String address = request.getRequest().getRemoteAddr();
            return address == null || address.isBlank() ? LOCAL : address;
        }
        return LOCAL;
    }
}
