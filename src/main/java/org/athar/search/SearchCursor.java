package org.athar.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * The opaque "next page" token: the open point-in-time, the sort values of the last hit, how many hits were
 * served, and a fingerprint of the query so a cursor cannot be replayed against another query.
 */
record SearchCursor(String pit, List<FieldValue> after, long seen, String queryKey) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A cursor that is malformed, expired or belongs to another query. */
    static class BadCursorException extends BadParameterException {
        BadCursorException(String message) {
            super("cursor", message);
        }
    }

    String encode() {
        ObjectNode node = JSON.createObjectNode().put("p", pit).put("n", seen).put("k", queryKey);
        ArrayNode a = node.putArray("a");
        for (FieldValue v : after) {
            switch (v._kind()) {
                case Long -> a.add(v.longValue());
                case Double -> a.add(v.doubleValue());
                case Boolean -> a.add(v.booleanValue());
                case Null -> a.addNull();
                default -> a.add(v.stringValue());
            }
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    static SearchCursor decode(String text, String expectedKey) {
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(text));
        } catch (Exception e) {
            throw new BadCursorException("the cursor is not one this API returned; use the \"next\" value as given");
        }
        if (node == null || !node.hasNonNull("p") || !node.has("a")) {
            throw new BadCursorException("the cursor is not one this API returned; use the \"next\" value as given");
        }
        if (!expectedKey.equals(node.path("k").asText())) {
            throw new BadCursorException("the cursor belongs to another query or sort; send the same parameters as "
                    + "the first page, or start again without a cursor");
        }
        List<FieldValue> after = new ArrayList<>();
        for (JsonNode v : node.get("a")) {
            if (v.isNull()) {
                after.add(FieldValue.NULL);
            } else if (v.isIntegralNumber()) {
                after.add(FieldValue.of(v.asLong()));
            } else if (v.isNumber()) {
                after.add(FieldValue.of(v.asDouble()));
            } else if (v.isBoolean()) {
                after.add(FieldValue.of(v.asBoolean()));
            } else {
                after.add(FieldValue.of(v.asText()));
            }
        }
        return new SearchCursor(node.get("p").asText(), after, node.path("n").asLong(), expectedKey);
    }

    /** A stable fingerprint of what was asked (sets sorted, so the order of parameters does not matter). */
    static String keyOf(ReportQuery q, ReportSort sort) {
        String canonical = String.join(
                "|",
                q.text().display(),
                sorted(q.governorates()),
                sorted(q.districts()),
                sorted(q.perpetrators()),
                sorted(q.statuses()),
                sorted(q.genders()),
                sorted(q.ageGroups()),
                sorted(q.sources()),
                String.valueOf(q.from()),
                String.valueOf(q.to()),
                String.valueOf(q.hasLocation()),
                sort.code());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String sorted(Collection<?> values) {
        TreeSet<String> s = new TreeSet<>();
        values.forEach(v -> s.add(v.toString()));
        return String.join(",", s);
    }
}
