package org.athar.ui.admin;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import org.athar.linkage.LinkageWorker;
import org.athar.linkage.RelinkStatus;
import org.athar.security.CurrentViewer;

/**
 * "Re-link all reports": starts a full re-link (reviewers' decisions are kept) and follows it with a progress bar,
 * asking for its status every second while it runs.
 */
final class RelinkSection extends Div {

    private final LinkageWorker linkage;
    private final CurrentViewer viewer;
    private final Button start = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private Registration polling;

    RelinkSection(LinkageWorker linkage, CurrentViewer viewer) {
        this.linkage = linkage;
        this.viewer = viewer;
        setId("admin-relink");
        start.setText(getTranslation("relink.start"));
        start.setId("relink-start");
        start.addClickListener(e -> start());
        progress.setId("relink-progress");
        status.setId("relink-status");
        status.addClassName("athar-relink-status");
        Paragraph explain = new Paragraph(getTranslation("relink.explain"));
        explain.addClassName("athar-muted");
        add(new H3(getTranslation("relink.title")), explain, start, progress, status);
        show(linkage.status());
    }

    private void start() {
        try {
            show(linkage.relink(viewer.get()));
        } catch (IllegalStateException e) {
            status.setText(getTranslation("relink.already"));
            show(linkage.status());
        } catch (RuntimeException e) {
            status.setText(getTranslation("linkage.failed", e.getMessage()));
        }
    }

    void show(RelinkStatus s) {
        boolean running = s.running();
        start.setEnabled(!running);
        progress.setVisible(running);
        progress.setIndeterminate(running && s.total() == 0);
        progress.setValue(s.total() == 0 ? 0 : Math.min(1.0, (double) s.processed() / s.total()));
        status.setText(
                switch (s.state()) {
                    case "running" -> getTranslation("relink.running", s.processed(), s.total());
                    case "done" -> getTranslation("relink.done", s.pairs(), s.persons());
                    case "failed" -> getTranslation("relink.failed", s.error().orElse(""));
                    case "needed" -> getTranslation("relink.needed", s.total());
                    default -> getTranslation("relink.idle");
                });
        getUI().ifPresent(ui -> poll(ui, running));
    }

    private void poll(UI ui, boolean on) {
        if (on && polling == null) {
            ui.setPollInterval(1000);
            polling = ui.addPollListener(e -> show(linkage.status()));
        } else if (!on && polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        poll(event.getUI(), linkage.status().running());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        poll(event.getUI(), false);
    }
}
