package org.athar.ui.sharing;

import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.athar.security.Viewer;
import org.athar.sharing.Sharing;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The sealed file of a sent package or withdrawal notice, fetched through {@link Sharing#download} (permission check
 * and audit entry at each download) under its own ASCII name.
 */
final class SealedDownload implements DownloadHandler {

    private final transient Sharing sharing;
    private final Viewer viewer;
    private final String packageId;
    private final String fileName;
    private final String gone;

    SealedDownload(Sharing sharing, Viewer viewer, String packageId, String fileName, String gone) {
        this.sharing = sharing;
        this.viewer = viewer;
        this.packageId = packageId;
        this.fileName = fileName;
        this.gone = gone;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        Optional<Sharing.Download> file = sharing.download(viewer, packageId);
        if (file.isEmpty()) {
            event.getResponse().sendError(410, gone);
            return;
        }
        event.getResponse()
                .setHeader(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString());
        event.getResponse().setContentType("application/octet-stream");
        try (InputStream in = file.get().content();
                OutputStream out = event.getOutputStream()) {
            in.transferTo(out);
        }
    }

    @Override
    public String getUrlPostfix() {
        return fileName;
    }
}
