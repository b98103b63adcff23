package org.athar.ui.exports;

import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Optional;
import org.athar.export.DownloadName;
import org.springframework.http.HttpHeaders;

/**
 * A finished export's download with Athar's file name: the ASCII {@code filename} and the Arabic {@code filename*}
 * exactly as the API sends them. Vaadin's own handlers would write an RFC 2047 string into {@code filename}, which
 * some browsers save literally, so this handler writes the header itself; the address ends with the ASCII name too.
 */
final class NamedDownload implements DownloadHandler {

    /** Opens the file once; empty when it was already taken or has expired. */
    interface Source extends Serializable {
        Optional<InputStream> open() throws IOException;
    }

    private final DownloadName name;
    private final String contentType;
    private final Source source;
    private final String gone;

    NamedDownload(DownloadName name, String contentType, Source source, String gone) {
        this.name = name;
        this.contentType = contentType;
        this.source = source;
        this.gone = gone;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        Optional<InputStream> in = source.open();
        if (in.isEmpty()) {
            event.getResponse().sendError(410, gone);
            return;
        }
        event.getResponse().setHeader(HttpHeaders.CONTENT_DISPOSITION, name.contentDisposition());
        event.getResponse().setContentType(contentType);
        try (InputStream stream = in.get();
                OutputStream out = event.getOutputStream()) {
            stream.transferTo(out);
        }
    }

    @Override
    public String getUrlPostfix() {
        return name.ascii();
    }
}
