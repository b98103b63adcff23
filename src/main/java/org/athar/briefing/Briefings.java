package org.athar.briefing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.athar.analytics.Figures;
import org.athar.report.Gazetteer;
import org.athar.security.AccessDeniedException;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Saves, lists, opens and deletes briefings. Every role that exports aggregates may list and open every briefing;
 * only its owner or an administrator changes or deletes one. A briefing's profile must be one its author may export
 * (ADVOCACY: public only).
 */
@Service
public class Briefings {

    private final BriefingStore store;
    private final Figures figures;
    private final Gazetteer gazetteer;
    private final Clock clock;

    @Autowired
    Briefings(BriefingStore store, Figures figures, Gazetteer gazetteer, Clock clock) {
        this.store = store;
        this.figures = figures;
        this.gazetteer = gazetteer;
        this.clock = clock;
    }

    /** Every briefing, last changed first. */
    public List<Briefing> list(Viewer viewer) {
        viewer.require(Permission.EXPORT_AGGREGATES);
        return store.all();
    }

    public Briefing get(Viewer viewer, String id) {
        viewer.require(Permission.EXPORT_AGGREGATES);
        return find(id);
    }

    public Briefing create(Viewer viewer, BriefingDraft draft) {
        viewer.require(Permission.EXPORT_AGGREGATES);
        BriefingDraft checked = check(viewer, draft);
        Instant now = clock.instant();
        Briefing b = Briefing.of(UUID.randomUUID().toString(), viewer.username(), now, now, checked);
        store.save(b);
        return b;
    }

    public Briefing update(Viewer viewer, String id, BriefingDraft draft) {
        viewer.require(Permission.EXPORT_AGGREGATES);
        Briefing current = find(id);
        requireOwner(viewer, current);
        BriefingDraft checked = check(viewer, draft);
        Briefing b = Briefing.of(id, current.owner(), current.created(), clock.instant(), checked);
        store.save(b);
        return b;
    }

    public void delete(Viewer viewer, String id) {
        viewer.require(Permission.EXPORT_AGGREGATES);
        requireOwner(viewer, find(id));
        store.delete(id);
    }

    /** True when {@code viewer} may change or delete {@code briefing}. */
    public static boolean mayChange(Viewer viewer, Briefing briefing) {
        return viewer.username().equals(briefing.owner()) || viewer.can(Permission.ADMINISTER);
    }

    private BriefingDraft check(Viewer viewer, BriefingDraft draft) {
        BriefingDraft checked = BriefingRules.check(draft, gazetteer);
        figures.profileFor(viewer, Optional.of(BriefingRules.profile(checked.profile())));
        return checked;
    }

    private Briefing find(String id) {
        if (id == null || !id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new BriefingNotFoundException(String.valueOf(id));
        }
        return store.find(id).orElseThrow(() -> new BriefingNotFoundException(id));
    }

    private static void requireOwner(Viewer viewer, Briefing b) {
        if (!mayChange(viewer, b)) {
            throw new AccessDeniedException(
                    Permission.ADMINISTER,
                    "only the owner of this briefing (" + b.owner() + ") or an administrator may change or delete it");
        }
    }
}
