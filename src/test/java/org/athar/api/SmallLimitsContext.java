package org.athar.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.athar.AtharIntegrationTest;
import org.athar.engine.EngineIndices;
import org.athar.security.SwitchableViewer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * One application context (shared by its subclasses) with a switchable viewer and small import limits: uploads of
 * at most 64 KB and 5 rows, so the limits can be crossed with small files.
 */
@Import(SwitchableViewer.Config.class)
@TestPropertySource(properties = {"athar.import.max-file-size=64KB", "athar.import.max-rows=5"})
abstract class SmallLimitsContext extends AtharIntegrationTest {

    @Autowired
    SwitchableViewer viewer;

    @Autowired
    ElasticsearchClient client;

    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void adminAgain() {
        viewer.reset();
    }

    ResponseEntity<String> upload(String fileName, byte[] content, String source) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/v1/imports?source={s}", new HttpEntity<>(body, headers), String.class, source);
    }

    JsonNode get(String url, Object... params) throws IOException {
        return json.readTree(http.getForEntity(url, String.class, params).getBody());
    }

    void refreshAudit() throws IOException {
        client.indices().refresh(r -> r.index(EngineIndices.AUDIT));
    }
}
