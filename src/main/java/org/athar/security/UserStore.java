package org.athar.security;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.athar.engine.EngineIndices;
import org.elasticsearch.client.ResponseException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * User accounts in {@code athar-users}, one document per username. Every change is a compare-and-set on the
 * document's sequence number, so two sign-ins failing at once both count.
 */
@Component
class UserStore {

    /** More accounts than any organisation using Athar has; the Admin view lists them all. */
    static final int MAX_USERS = 10_000;

    private static final int ATTEMPTS = 10;

    private final ElasticsearchClient client;
    private final String index;

    @Autowired
    UserStore(ElasticsearchClient client) {
        this(client, EngineIndices.USERS);
    }

    /** A store over another index or alias (tests use a fresh one to see a first start). */
    UserStore(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    Optional<UserAccount> find(String username) {
        return findVersioned(username).map(Versioned::account);
    }

    /** Stores a new account; false when the username is taken. */
    boolean create(UserAccount account) {
        try {
            client.create(
                    c -> c.index(index).id(account.username()).document(account).refresh(Refresh.True));
            return true;
        } catch (IOException | ElasticsearchException e) {
            if (isConflict(e)) {
                return false;
            }
            throw failed(e);
        }
    }

    /**
     * Applies {@code change} to the stored account, retrying when another request changed it first.
     *
     * @param visibleNow refresh so that listings and token look-ups see the change at once (not needed for counters)
     * @return the account as stored afterwards; empty when there is no such user
     */
    Optional<UserAccount> update(String username, UnaryOperator<UserAccount> change, boolean visibleNow) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Versioned> current = findVersioned(username);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            UserAccount next = change.apply(current.get().account());
            if (next.equals(current.get().account()) || replace(current.get(), next, visibleNow)) {
                return Optional.of(next);
            }
        }
        throw new UserStoreException(
                "The account '" + username + "' kept changing while it was being updated; " + "try again.", null);
    }

    List<UserAccount> all() {
        try {
            return client
                    .search(
                            s -> s.index(index).size(MAX_USERS).sort(o -> o.field(f -> f.field("username"))),
                            UserAccount.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException | ElasticsearchException e) {
            throw failed(e);
        }
    }

    long count() {
        try {
            return client.count(c -> c.index(index)).count();
        } catch (IOException | ElasticsearchException e) {
            throw failed(e);
        }
    }

    /** The account holding the API token with this SHA-256 (hex), if any. */
    Optional<UserAccount> findByTokenHash(String hash) {
        try {
            return client
                    .search(
                            s -> s.index(index)
                                    .size(1)
                                    .query(q -> q.term(
                                            t -> t.field("api_tokens.hash").value(hash))),
                            UserAccount.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .findFirst();
        } catch (IOException | ElasticsearchException e) {
            throw failed(e);
        }
    }

    private record Versioned(UserAccount account, long seqNo, long primaryTerm) {}

    private Optional<Versioned> findVersioned(String username) {
        // Whatever was typed into a sign-in form: no id Elasticsearch would refuse, no pointless look-up.
        if (username == null || username.isBlank() || username.length() > 64) {
            return Optional.empty();
        }
        try {
            GetResponse<UserAccount> r = client.get(g -> g.index(index).id(username), UserAccount.class);
            if (!r.found() || r.source() == null) {
                return Optional.empty();
            }
            return Optional.of(new Versioned(r.source(), r.seqNo(), r.primaryTerm()));
        } catch (IOException | ElasticsearchException e) {
            throw failed(e);
        }
    }

    private boolean replace(Versioned current, UserAccount next, boolean visibleNow) {
        try {
            client.index(i -> i.index(index)
                    .id(next.username())
                    .document(next)
                    .ifSeqNo(current.seqNo())
                    .ifPrimaryTerm(current.primaryTerm())
                    .refresh(visibleNow ? Refresh.True : Refresh.False));
            return true;
        } catch (IOException | ElasticsearchException e) {
            if (isConflict(e)) {
                return false;
            }
            throw failed(e);
        }
    }

    // A 409 arrives as an ElasticsearchException or, from the low-level client, as a ResponseException (wrapped).
    private static boolean isConflict(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ElasticsearchException es && es.status() == 409
                    || t instanceof TransportException te && te.statusCode() == 409
                    || t instanceof ResponseException re
                            && re.getResponse().getStatusLine().getStatusCode() == 409) {
                return true;
            }
        }
        return false;
    }

    private UserStoreException failed(Exception e) {
        return new UserStoreException(
                "The user index '" + index + "' did not answer (" + e.getMessage()
                        + "); check that Elasticsearch is running, then try again.",
                e);
    }
}
