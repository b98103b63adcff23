package org.athar.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which permission each part of {@code /api/**} (and {@code /actuator/info}) needs, in one table: the filter chain enforces it and a 403 says
 * which permission was missing. Everything else under {@code /api} needs a full sign-in, and the services check
 * their own permissions on top.
 */
final class ApiAccessRules {

    /** Requests matching {@code pattern} need {@code permission}. */
    record Rule(String pattern, Permission permission) {

        RequestMatcher matcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(pattern);
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule("/api/v1/reports", Permission.SEARCH),
            new Rule("/api/v1/reports/**", Permission.SEARCH),
            new Rule("/api/v1/imports", Permission.IMPORT),
            new Rule("/api/v1/imports/**", Permission.IMPORT),
            new Rule("/api/v1/admin/**", Permission.ADMINISTER),
            new Rule("/api/v1/stats/**", Permission.VIEW_TRENDS),
            new Rule("/api/v1/charts/**", Permission.VIEW_TRENDS),
            new Rule("/api/v1/briefings", Permission.EXPORT_AGGREGATES),
            new Rule("/api/v1/briefings/**", Permission.EXPORT_AGGREGATES),
            new Rule("/api/v1/exports/records.*", Permission.EXPORT_RECORDS),
            new Rule("/api/v1/exports/**", Permission.EXPORT_AGGREGATES),
            new Rule("/api/v1/linkage/pairs", Permission.REVIEW_LINKS),
            new Rule("/api/v1/linkage/pairs/**", Permission.REVIEW_LINKS),
            new Rule("/api/v1/linkage/reports/**", Permission.REVIEW_LINKS),
            new Rule("/api/v1/linkage/persons/**", Permission.SEARCH),
            new Rule("/api/v1/linkage/overlap.xlsx", Permission.EXPORT_AGGREGATES),
            new Rule("/api/v1/linkage/overlap", Permission.VIEW_TRENDS),
            new Rule("/api/v1/linkage/relink", Permission.ADMINISTER),
            // Sharing: sending, downloading, withdrawing and the ledger's ids need SHARE; the whole ledger too, which
            // Sharing checks itself (the same address with ?report= is for PREPARE_SHARE, the report page's section).
            new Rule("/api/v1/sharing/packages/*/send", Permission.SHARE),
            new Rule("/api/v1/sharing/packages/*/download", Permission.SHARE),
            new Rule("/api/v1/sharing/withdrawals", Permission.SHARE),
            new Rule("/api/v1/sharing/ledger/*/ids", Permission.SHARE),
            new Rule("/api/v1/sharing", Permission.PREPARE_SHARE),
            new Rule("/api/v1/sharing/**", Permission.PREPARE_SHARE),
            // The exact version and build time help an attacker pick an exploit; operators who need them sign in.
            new Rule("/actuator/info", Permission.ADMINISTER));

    private ApiAccessRules() {}

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry registry) {
        // Status only for anyone; components and details for administrators only (management.endpoint.health.roles).
        // The probes too (an orchestrator has no account); they answer the status and nothing else.
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        registry.requestMatchers(
                        path.matcher("/actuator/health"),
                        path.matcher("/actuator/health/liveness"),
                        path.matcher("/actuator/health/readiness"))
                .permitAll();
        for (Rule rule : RULES) {
            registry.requestMatchers(rule.matcher()).hasRole(rule.permission().name());
        }
        registry.anyRequest().hasRole(Authorities.SIGNED_IN);
    }

    /** The permission the request needed, if a rule names one. */
    static Optional<Permission> needed(HttpServletRequest request) {
        return RULES.stream()
                .filter(r -> r.matcher().matches(request))
                .map(Rule::permission)
                .findFirst();
    }
}
