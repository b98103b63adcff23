package org.athar.security;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address a request came from, for the audit log: the servlet request's remote address (behind a reverse proxy
 * set {@code server.forward-headers-strategy=native} so it is the client's, see docs/security-audit.md), or
 * {@link #LOCAL} for work the application does outside any request.
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
