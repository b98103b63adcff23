package org.athar.ui.review;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.athar.linkage.CandidatePair;
import org.athar.linkage.Decision;
import org.athar.linkage.LinkageReview;
import org.athar.linkage.PairNotFoundException;
import org.athar.linkage.Persons;
import org.athar.report.Gazetteer;
import org.athar.search.ReportSearch;
import org.athar.security.CurrentViewer;
import org.athar.security.Viewer;
import org.athar.ui.MainLayout;
import org.athar.ui.components.LinkageLabels;

/**
 * The review queue of record linkage: pairs of reports that may be the same person, those whose decision can change
 * the persons figure most first (uncertain pairs joining large persons), one at a time side by side with the fields
 * that differ highlighted, the score's reasons, and Confirm / Reject / Skip / Undo on single keys (C, R, S, U; the
 * physical keys, so they work with an Arabic keyboard too). The page counts this session's decisions, their rate and
 * the pairs still waiting. Tabs show the automatic, confirmed and rejected pairs, where a decision can be sent back.
 * {@code review?pair=<id>} opens one pair (a link from elsewhere) in the tab of its decision.
 */
@RolesAllowed("REVIEW_LINKS")
@Menu(title = "nav.review", order = 4, icon = "vaadin:connect")
@Route(value = "review", layout = MainLayout.class)
public class ReviewView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** How many pairs the queue lists at a time; the next ones come up as these are decided. */
    static final int PAGE = 100;

    private final LinkageReview review;
    private final CurrentViewer viewer;
    private final PairPanel panel;
    private final Map<Decision, Tab> tabs = new EnumMap<>(Decision.class);
    private final Tabs tabBar = new Tabs();
    private final Grid<CandidatePair> queue = new Grid<>();
    private final TextArea note = new TextArea();
    private final Button confirm = new Button();
    private final Button reject = new Button();
    private final Button skip = new Button();
    private final Button undo = new Button();
    private final Button back = new Button();
    private final Span throughput = new Span();
    private final Clock clock;
    private final ReviewSession session;
    private long waiting;
    private final Span empty = new Span();
    private List<CandidatePair> pairs = List.of();
    private Decision showing = Decision.PENDING;
    private CandidatePair current;

    public ReviewView(
            LinkageReview review,
            Persons persons,
            ReportSearch search,
            CurrentViewer viewer,
            Gazetteer gazetteer,
            Clock clock) {
        this.review = review;
        this.viewer = viewer;
        this.clock = clock;
        this.session = ReviewSession.of(VaadinSession.getCurrent(), clock.instant());
        this.panel = new PairPanel(persons, search, viewer, new LinkageLabels(this, gazetteer));
        addClassName("athar-view");
        setId("view-review");
        Paragraph intro = new Paragraph(getTranslation("review.intro"));
        intro.addClassName("athar-muted");
        empty.setId("review-empty");
        empty.setVisible(false);
        Div columns = new Div(queueGrid(), new Div(panel, decisionBar()));
        columns.addClassName("athar-review");
        add(new H2(getTranslation("view.review.title")), intro, modelLink(), tabBar(), empty, columns);
        reload(Optional.empty());
    }

    /** The linkage model's page (how pairs are weighed), reached from here only. */
    private com.vaadin.flow.router.RouterLink modelLink() {
        var link = new com.vaadin.flow.router.RouterLink(getTranslation("review.model"), LinkageModelView.class);
        link.setId("review-model");
        return link;
    }

    private Tabs tabBar() {
        for (Decision d : List.of(Decision.PENDING, Decision.AUTO, Decision.CONFIRMED, Decision.REJECTED)) {
            Tab tab = new Tab();
            tab.setId("review-tab-" + d.code());
            tabs.put(d, tab);
            tabBar.add(tab);
        }
        tabBar.setId("review-tabs");
        tabBar.addSelectedChangeListener(e -> {
            showing = tabs.entrySet().stream()
                    .filter(t -> t.getValue() == e.getSelectedTab())
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(Decision.PENDING);
            reload(Optional.empty());
        });
        return tabBar;
    }

    private Grid<CandidatePair> queueGrid() {
        queue.setId("review-queue");
        queue.addColumn(p -> String.format(getLocale(), "%.1f", p.score()))
                .setHeader(getTranslation("review.col.score"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        queue.addColumn(p -> p.sourceA() + " / " + p.sourceB())
                .setHeader(getTranslation("review.col.sources"))
                .setAutoWidth(true);
        queue.addColumn(p -> getTranslation("linkage.decision." + p.decision().code()))
                .setHeader(getTranslation("review.col.decision"))
                .setAutoWidth(true);
        queue.addClassName("athar-review-queue");
        queue.addItemClickListener(e -> show(e.getItem()));
        return queue;
    }

    private Div decisionBar() {
        note.setLabel(getTranslation("review.note"));
        note.setHelperText(getTranslation("review.note.help"));
        note.setId("review-note");
        note.setWidthFull();
        // The keys C, R, S, U are shortcuts; typed into the note they are letters, not decisions.
        note.getElement().executeJs("this.addEventListener('keydown', e => e.stopPropagation())");
        button(confirm, "review.confirm", "review-confirm", Key.KEY_C, ButtonVariant.LUMO_SUCCESS);
        button(reject, "review.reject", "review-reject", Key.KEY_R, ButtonVariant.LUMO_ERROR);
        button(skip, "review.skip", "review-skip", Key.KEY_S, ButtonVariant.LUMO_TERTIARY);
        button(undo, "review.undo", "review-undo", Key.KEY_U, ButtonVariant.LUMO_CONTRAST);
        back.setText(getTranslation("review.back"));
        back.setId("review-back");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        confirm.addClickListener(e -> decide(Decision.CONFIRMED));
        reject.addClickListener(e -> decide(Decision.REJECTED));
        back.addClickListener(e -> decide(Decision.PENDING));
        undo.addClickListener(e -> undoLast());
        skip.addClickListener(e -> skip());
        FlexLayout buttons = new FlexLayout(confirm, reject, skip, undo, back);
        buttons.addClassName("athar-review-buttons");
        Paragraph keys = new Paragraph(getTranslation("review.keys"));
        keys.setId("review-keys");
        keys.addClassName("athar-muted");
        throughput.setId("review-throughput");
        throughput.addClassName("athar-review-throughput");
        Div bar = new Div(note, buttons, keys, throughput);
        bar.setId("review-decision");
        bar.addClassName("athar-review-decision");
        return bar;
    }

    private void button(Button b, String key, String id, Key shortcut, ButtonVariant variant) {
        b.setText(getTranslation(key));
        b.setId(id);
        b.addThemeVariants(variant);
        b.addClickShortcut(shortcut);
        // Key.KEY_C is "KeyC": the letter is what the button shows and what assistive technology announces.
        b.getElement()
                .setAttribute("aria-keyshortcuts", shortcut.getKeys().get(0).replace("Key", ""));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> asked =
                event.getLocation().getQueryParameters().getParameters().getOrDefault("pair", List.of());
        if (asked.isEmpty()) {
            return;
        }
        try {
            CandidatePair pair = review.pair(viewer.get(), asked.get(0));
            showing = pair.decision();
            tabBar.setSelectedTab(tabs.get(showing));
            reload(Optional.of(pair.id()));
            if (current == null || !current.id().equals(pair.id())) {
                // Beyond the first page of its tab: shown all the same, at the top of the list.
                pairs.add(0, pair);
                queue.setItems(pairs);
                show(pair);
            }
        } catch (PairNotFoundException e) {
            Notification.show(getTranslation("review.gone")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (RuntimeException e) {
            Notification.show(getTranslation("linkage.failed", e.getMessage()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Counts on the tabs, the queue of the tab shown, and the pair to show (the first when absent or gone). */
    private void reload(Optional<String> keep) {
        Viewer v = viewer.get();
        try {
            for (Map.Entry<Decision, Tab> t : tabs.entrySet()) {
                long n = review.count(v, t.getKey());
                t.getValue().setLabel(getTranslation("review.tab." + t.getKey().code(), n));
                waiting = t.getKey() == Decision.PENDING ? n : waiting;
            }
            pairs = new ArrayList<>(review.queue(v, showing, 0, PAGE));
        } catch (RuntimeException e) {
            pairs = new ArrayList<>();
            empty.setText(getTranslation("linkage.failed", e.getMessage()));
            empty.setVisible(true);
            queue.setItems(pairs);
            show(null);
            return;
        }
        queue.setItems(pairs);
        empty.setText(getTranslation("review.empty." + showing.code()));
        empty.setVisible(pairs.isEmpty());
        show(keep.flatMap(id -> pairs.stream().filter(p -> p.id().equals(id)).findFirst())
                .orElse(pairs.isEmpty() ? null : pairs.get(0)));
    }

    private void show(CandidatePair pair) {
        current = pair;
        boolean any = pair != null;
        note.clear();
        note.setInvalid(false);
        note.setVisible(any);
        confirm.setVisible(any && pair.decision() != Decision.CONFIRMED);
        reject.setVisible(any && pair.decision() != Decision.REJECTED);
        back.setVisible(any && pair.decision() != Decision.PENDING);
        skip.setVisible(any && pairs.size() > 1);
        showThroughput();
        if (any) {
            queue.select(pair);
        }
        panel.show(pair);
    }

    private void skip() {
        if (current == null || pairs.isEmpty()) {
            return;
        }
        int at = pairs.indexOf(current);
        show(pairs.get((at + 1) % pairs.size()));
    }

    private void decide(Decision decision) {
        if (current == null) {
            return;
        }
        String why = note.getValue().strip();
        // As the service asks: a note to change a reviewer's decision and to reject an automatic link.
        boolean change = current.decision().isHuman() && current.decision() != decision;
        boolean needsNote = change || (decision == Decision.REJECTED && current.decision() == Decision.AUTO);
        if (needsNote && why.isEmpty()) {
            note.setErrorMessage(
                    getTranslation(change ? "review.note.required.change" : "review.note.required.reject-auto"));
            note.setInvalid(true);
            note.focus(); // R on an automatic link opens the note: type why, then R again (or the button)
            return;
        }
        try {
            CandidatePair decided = review.decide(viewer.get(), current.id(), decision, why);
            session.decided(decided.id(), decision != Decision.PENDING);
            Notification.show(getTranslation(
                            "review.decided." + decided.decision().code()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (PairNotFoundException e) {
            Notification.show(getTranslation("review.gone")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (IllegalStateException e) {
            Notification.show(getTranslation("review.relinking")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        } catch (IllegalArgumentException e) {
            note.setErrorMessage(e.getMessage());
            note.setInvalid(true);
            return;
        } catch (RuntimeException e) {
            Notification.show(getTranslation("linkage.failed", e.getMessage()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        // The decided pair leaves this tab; the next one (the most consequential first) comes up.
        reload(Optional.empty());
    }

    /**
     * U: the last confirmation or rejection of this session goes back to the queue, with the note typed for it or a
     * note saying it was undone (changing a reviewer's decision always carries a note); the history keeps both. A
     * pair someone else has decided since is left as it is.
     */
    private void undoLast() {
        Optional<String> last = session.last();
        if (last.isEmpty()) {
            return;
        }
        Viewer v = viewer.get();
        try {
            CandidatePair pair = review.pair(v, last.get());
            if (!pair.decision().isHuman() || !pair.last().by().equals(v.username())) {
                session.forgetLast();
                Notification.show(getTranslation("review.undo.changed"))
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                reload(Optional.empty());
                return;
            }
            String typed = current != null && current.id().equals(pair.id())
                    ? note.getValue().strip()
                    : "";
            review.decide(v, pair.id(), Decision.PENDING, typed.isEmpty() ? getTranslation("review.undo.note") : typed);
            session.undone();
            Notification.show(getTranslation("review.undone")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (PairNotFoundException e) {
            session.forgetLast();
            Notification.show(getTranslation("review.gone")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            reload(Optional.empty());
            return;
        } catch (IllegalStateException e) {
            Notification.show(getTranslation("review.relinking")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        } catch (RuntimeException e) {
            Notification.show(getTranslation("linkage.failed", e.getMessage()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        // The undone pair is shown again, to be decided anew.
        if (showing != Decision.PENDING) {
            showing = Decision.PENDING;
            tabBar.setSelectedTab(tabs.get(showing));
        }
        reload(last);
        if (current == null || !current.id().equals(last.get())) {
            pairs.add(0, review.pair(v, last.get()));
            queue.setItems(pairs);
            show(pairs.get(0));
        }
    }

    /** "12 decisions · 3.0 a minute · 388 pairs waiting", and U only while there is a decision to undo. */
    private void showThroughput() {
        throughput.setText(getTranslation(
                "review.throughput",
                session.decisions(),
                String.format(getLocale(), "%.1f", session.perMinute(clock.instant())),
                waiting));
        undo.setVisible(session.last().isPresent());
    }

    /** The pair on screen (for tests and the decision bar). */
    Optional<CandidatePair> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("view.review.title") + " · " + getTranslation("app.name");
    }
}
