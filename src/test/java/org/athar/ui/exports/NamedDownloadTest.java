package org.athar.ui.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.athar.export.DownloadName;
import org.junit.jupiter.api.Test;

/**
 * The Exports page's download sends the file under the same name as the API: the ASCII {@code filename} and the
 * Arabic {@code filename*}, not Vaadin's RFC 2047 string; a file already taken is a 410 with the page's sentence.
 */
class NamedDownloadTest {

    private static final DownloadName ARABIC =
            new DownloadName("athar-workbook-persons-aleppo-2026-12-06.xlsx", "أثر-مصنف-الأشخاص-حلب-2026-12-06.xlsx");

    @Test
    void the_download_carries_the_ascii_name_and_the_arabic_name_and_the_bytes() throws IOException {
        VaadinResponse response = mock(VaadinResponse.class);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        when(response.getOutputStream()).thenReturn(body);
        NamedDownload download = new NamedDownload(
                ARABIC,
                "application/test",
                () -> Optional.of(new ByteArrayInputStream("xlsx".getBytes(StandardCharsets.UTF_8))),
                "gone");
        download.handleDownloadRequest(
                new DownloadEvent(mock(VaadinRequest.class), response, mock(VaadinSession.class), null));
        verify(response)
                .setHeader(
                        "Content-Disposition",
                        "attachment; "
                                + "filename=\"athar-workbook-persons-aleppo-2026-12-06.xlsx\"; filename*=UTF-8''"
                                + "%D8%A3%D8%AB%D8%B1-%D9%85%D8%B5%D9%86%D9%81-%D8%A7%D9%84%D8%A3%D8%B4%D8%AE%D8%A7%D8%B5-"
                                + "%D8%AD%D9%84%D8%A8-2026-12-06.xlsx");
        verify(response).setContentType("application/test");
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo("xlsx");
        assertThat(download.getUrlPostfix()).isEqualTo("athar-workbook-persons-aleppo-2026-12-06.xlsx");
    }

    @Test
    void a_file_already_taken_is_a_410_with_the_pages_sentence_and_no_name() throws IOException {
        VaadinResponse response = mock(VaadinResponse.class);
        new NamedDownload(ARABIC, "application/test", Optional::empty, "Export it again.")
                .handleDownloadRequest(
                        new DownloadEvent(mock(VaadinRequest.class), response, mock(VaadinSession.class), null));
        verify(response).sendError(410, "Export it again.");
        verify(response, never()).setHeader(anyString(), anyString());
        verify(response, never()).setStatus(anyInt());
    }
}
