package org.athar.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Figures;
import org.athar.analytics.SourceOverlap;
import org.athar.export.DownloadNames;
import org.athar.export.OverlapWorkbook;
import org.athar.linkage.CandidatePair;
import org.athar.linkage.Decision;
import org.athar.linkage.LinkageModel;
import org.athar.linkage.LinkageReview;
import org.athar.linkage.LinkageWorker;
import org.athar.linkage.ModelStore;
import org.athar.linkage.PersonCluster;
import org.athar.linkage.Persons;
import org.athar.linkage.RelinkStatus;
import org.athar.search.BadParameterException;
import org.athar.security.AuditLog;
import org.athar.security.ClientAddress;
import org.athar.security.CurrentViewer;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/linkage}: the review queue of candidate pairs and reviewers' decisions, the person of a report, the
 * overlap of sources (JSON and workbook) and the full re-link. Thin: parses, calls {@link LinkageReview},
 * {@link Persons} or {@link LinkageWorker}, writes.
 */
@RestController
@RequestMapping("/api/v1/linkage")
@Tag(name = "Linkage", description = "Reports of the same person: candidate pairs, decisions, persons, overlap")
class LinkageController {

    static final int MAX_PAGE = 100;
    static final int MAX_OFFSET = 10_000;

    /** The body of a decision: confirmed, rejected or pending (undo), and why. */
    record DecisionRequest(String decision, String note) {}

    /** One page of the queue and how many pairs have the decision. */
    record PairPage(String decision, long total, int from, List<CandidatePair> pairs) {}

    /** One source's row of the overlap table: persons documented by it, only by it, and shared with each source. */
    record SourceRow(String source, Long documentedBy, Long onlyBy, Map<String, Long> shared) {}

    /** One pattern: the sources and the persons documented by exactly them ({@code null}: withheld). */
    record PatternJson(List<String> sources, Long persons) {}

    /**
     * The overlap as JSON: the patterns (capture histories) and the pairwise table computed from them. Under the
     * public profile a withheld figure is {@code null}.
     */
    record OverlapJson(
            String counted,
            String profile,
            List<String> sources,
            Long persons,
            List<PatternJson> patterns,
            List<SourceRow> table) {}

    private final LinkageReview review;
    private final Persons persons;
    private final LinkageWorker worker;
    private final CurrentViewer viewer;
    private final OverlapWorkbook workbook;
    private final AuditLog audit;
    private final Clock clock;
    private final Figures figures;
    private final DownloadNames names;
    private final ModelStore models;

    LinkageController(
            LinkageReview review,
            Persons persons,
            LinkageWorker worker,
            CurrentViewer viewer,
            OverlapWorkbook workbook,
            AuditLog audit,
            Clock clock,
            Figures figures,
            DownloadNames names,
            ModelStore models) {
        this.names = names;
        this.models = models;
        this.review = review;
        this.persons = persons;
        this.worker = worker;
        this.figures = figures;
        this.viewer = viewer;
        this.workbook = workbook;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping(value = "/pairs", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Candidate pairs with one decision, the review queue in its order (REVIEW_LINKS)",
            description = "decision=pending (default)|auto|confirmed|rejected, from (offset, 0 to 10000), size (1 to "
                    + "100, default 20). Pending pairs come highest impact first (uncertainty 1 - |2p - 1| times the "
                    + "reports of the two persons the pair would join), then closest to p = 0.5, then by id; the "
                    + "other decisions highest score first. {decision, total, from, pairs:[{id, reportA, reportB, sourceA, sourceB, "
                    + "score, features:[{code, outcome, a, b, weight}], decision, history}]}")
    PairPage pairs(
            @RequestParam(defaultValue = "pending") String decision,
            @RequestParam(defaultValue = "0") String from,
            @RequestParam(defaultValue = "20") String size) {
        Viewer v = viewer.get();
        Decision d = decision(decision, "decision");
        int offset = number("from", from, 0, MAX_OFFSET);
        int page = number("size", size, 1, MAX_PAGE);
        if (offset + page > MAX_OFFSET) {
            // The engine pages no deeper than 10,000 pairs.
            throw new BadParameterException(
                    "from",
                    "from + size may be at most " + MAX_OFFSET + ", not " + (offset + page)
                            + "; narrow the queue with decision or ask for a smaller page");
        }
        return new PairPage(d.code(), review.count(v, d), offset, review.queue(v, d, offset, page));
    }

    @GetMapping(value = "/model", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The record linkage model in use (REVIEW_LINKS)",
            description = "{lambda (the prior: the probability that two reports drawn at random are one person), "
                    + "comparisons:[{code, levels:[{code, m, u, weight}]}], iterations, converged, blockedPairs, "
                    + "randomPairs, reviewedPairs, estimatedAt, isDefault, note}. Levels only, never a name.")
    LinkageModel model() {
        viewer.get().require(Permission.REVIEW_LINKS);
        return models.current();
    }

    @GetMapping(value = "/pairs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One candidate pair with its features and history (REVIEW_LINKS); 404 for an unknown id")
    CandidatePair pair(@PathVariable String id) {
        return review.pair(viewer.get(), id);
    }

    @PostMapping(value = "/pairs/{id}/decision", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Decide a pair (REVIEW_LINKS)",
            description = "{\"decision\": \"confirmed|rejected|pending\", \"note\": \"why\"}; pending sends the pair "
                    + "back to the queue (undo). A note is required to reject an automatic link and to undo. Persons "
                    + "are updated at once and the decision is audited (link_decision). 400 for another decision or "
                    + "a missing note, 404 for an unknown pair; answers the pair with its new history.")
    CandidatePair decide(@PathVariable String id, @RequestBody(required = false) DecisionRequest body) {
        if (body == null || body.decision() == null || body.decision().isBlank()) {
            throw new BadParameterException(
                    "decision",
                    "the body must name a decision: {\"decision\": "
                            + "\"confirmed|rejected|pending\", \"note\": \"…\"}");
        }
        Decision d = decision(body.decision(), "decision");
        if (d == Decision.AUTO) {
            throw new BadParameterException(
                    "decision",
                    "auto is the linker's decision, not a reviewer's; decide " + "confirmed, rejected or pending");
        }
        String note = body.note() == null ? "" : body.note().strip();
        return review.decide(viewer.get(), id, d, note);
    }

    @GetMapping(value = "/persons/{reportId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The person a report belongs to (SEARCH)",
            description = "{personId, reportIds, sources, representative, disagreements:[{field, values, counted}]}; "
                    + "an unlinked report is a person of its own; 404 for an unknown report id.")
    PersonCluster person(@PathVariable String reportId) {
        return persons.personOf(viewer.get(), reportId);
    }

    @GetMapping(value = "/reports/{reportId}/pairs", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every candidate pair (any decision) of one report, highest score first (REVIEW_LINKS)")
    List<CandidatePair> pairsOf(@PathVariable String reportId) {
        return review.pairsOf(viewer.get(), reportId);
    }

    @GetMapping(value = "/overlap", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "How many persons each combination of sources documents (VIEW_TRENDS)",
            description = "Counts persons (linked reports), not reports. patterns: every set of sources with the "
                    + "persons documented by exactly those sources (capture histories); table: for each source the "
                    + "persons it documents, those only it documents, and those it shares with each other source.")
    OverlapJson overlap(@RequestParam(required = false) String profile) {
        Viewer v = viewer.get();
        SourceOverlap o = figures.overlap(v, figures.profileFor(v, profile(profile)));
        return new OverlapJson(
                "persons",
                o.profile().parameter(),
                o.sources(),
                value(o.persons()),
                o.patterns().stream()
                        .map(p -> new PatternJson(p.sources(), value(p.persons())))
                        .toList(),
                table(o));
    }

    @GetMapping("/overlap.xlsx")
    @Operation(
            summary = "The overlap of sources as an Excel workbook (EXPORT_AGGREGATES)",
            description = "Sheet Overlap (source × source shared persons, documented by, only by) and sheet Patterns "
                    + "(one 1/0 column per source and a persons column: the input of multiple-systems estimation). "
                    + "lang=en|ar (Arabic sheets right to left). Audited as an export.")
    ResponseEntity<byte[]> overlapWorkbook(
            @RequestParam(required = false) String lang, @RequestParam(required = false) String profile)
            throws IOException {
        Viewer v = viewer.get();
        v.require(Permission.EXPORT_AGGREGATES);
        LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        if (lang != null) {
            params.add("lang", lang);
        }
        Locale locale = ApiParameters.language(params);
        SourceOverlap o = figures.overlap(v, figures.profileFor(v, profile(profile)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(o, locale, LocalDate.now(clock), figures.withheldNote(locale), out);
        // Recorded before the file leaves (fail closed: no entry, no file).
        audit.exported(
                v,
                ClientAddress.current(),
                "overlap_xlsx",
                Map.of("lang", List.of(locale.getLanguage())),
                o.profile().parameter(),
                o.patterns().size());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(OverlapWorkbook.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, names.overlap(locale).contentDisposition())
                .body(out.toByteArray());
    }

    @PostMapping(value = "/relink", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Start a full re-link of all reports (ADMINISTER)",
            description = "202 with the status; it runs in the background (follow GET /api/v1/linkage/relink). "
                    + "Reviewers' decisions are kept. 409 while a re-link runs.")
    ResponseEntity<RelinkStatus> relink() {
        RelinkStatus status = worker.relink(viewer.get());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/linkage/relink"))
                .body(status);
    }

    @GetMapping(value = "/relink", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "The last full re-link: state idle|running|done|failed|needed, processed of total, pairs, persons "
                            + "(ADMINISTER)")
    RelinkStatus relinkStatus() {
        viewer.get().require(Permission.ADMINISTER);
        return worker.status();
    }

    static List<SourceRow> table(SourceOverlap o) {
        return o.rows().stream()
                .map(r -> {
                    Map<String, Long> shared = new LinkedHashMap<>();
                    r.shared().forEach((b, n) -> shared.put(b, value(n)));
                    return new SourceRow(r.source(), value(r.documentedBy()), value(r.onlyBy()), shared);
                })
                .toList();
    }

    private static Long value(OptionalLong n) {
        return n.isPresent() ? n.getAsLong() : null;
    }

    private static Optional<DisclosureProfile> profile(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(DisclosureProfile.fromParameter(text.strip())
                .orElseThrow(() ->
                        new BadParameterException("profile", "profile '" + text + "' is not one of internal, public")));
    }

    private static Decision decision(String text, String parameter) {
        return Decision.fromCode(text)
                .orElseThrow(() -> new BadParameterException(
                        parameter, parameter + " '" + text + "' is not one of pending, auto, confirmed, rejected"));
    }

    private static int number(String name, String text, int min, int max) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n < min || n > max) {
                throw new BadParameterException(name, name + " must be from " + min + " to " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, name + " '" + text + "' is not a whole number");
        }
    }
}
