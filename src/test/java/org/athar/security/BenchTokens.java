package org.athar.security;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;

/**
 * For the benchmark: gives a user a personal API token with Athar's own token code, as Account → API tokens does, so
 * the benchmark calls the API the way docs/security.md tells scripts to (HTTP Basic checks a bcrypt hash on every
 * request, by design). The token lives only in the benchmark's throw-away data directory.
 */
public final class BenchTokens {

    private BenchTokens() {}

    /** Looks the token up as every API request with it does (the request is what the benchmark records). */
    public static boolean lookUp(ElasticsearchClient client, String secret) {
        return new UserStore(client)
                .findByTokenHash(PasswordHashing.sha256(secret))
                .isPresent();
    }

    /** The secret of a new token of {@code username}. */
    public static String create(ElasticsearchClient client, String username) {
        return new ApiTokens(new UserStore(client), event -> {}, Clock.systemUTC())
                .create(username, "benchmark")
                .secret();
    }
}
