package org.athar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code logging.structured.format.console=ecs} (docs/operations.md) turns every console line into one JSON object
 * with Elastic Common Schema fields, which a log shipper reads without a pattern; the line carries the message and
 * where it came from, nothing more (no request or user context is added to it).
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTest {

    /** Only Spring's logging set-up, no Athar beans: the format is the logging system's, not a feature's. */
    @Configuration(proxyBeanMethods = false)
    static class LoggingOnly {}

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(LoggingOnly.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties(properties)
                .run();
    }

    @AfterAll
    static void back_to_the_plain_console_format() {
        // Logging is set up per JVM and Boot keeps the format in a system property: later tests in this JVM read
        // plain lines again.
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.contains("STRUCTURED_FORMAT"))
                .forEach(System::clearProperty);
        start().close();
    }

    @Test
    void with_the_ecs_format_a_log_line_is_a_json_object_with_ecs_fields(CapturedOutput output) throws Exception {
        // In the whole suite an earlier test context has set up logging already, and Boot sets it up once per JVM:
        // mark it as not set up so that this start reads the format (closing it marks it so again).
        LoggingSystem.get(StructuredLoggingTest.class.getClassLoader()).cleanUp();
        try (ConfigurableApplicationContext ignored = start("logging.structured.format.console=ecs")) {
            LoggerFactory.getLogger(StructuredLoggingTest.class).info("Index templates installed");
        }
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : output.getOut().split("\\R")) {
            if (line.contains("Index templates installed")) {
                lines.add(json.readTree(line));
            }
        }
        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.path("message").asText()).isEqualTo("Index templates installed");
        assertThat(line.path("log").path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("log").path("logger").asText()).isEqualTo(StructuredLoggingTest.class.getName());
        assertThat(line.path("ecs").path("version").asText()).isNotBlank();
        assertThat(line.path("service").path("name").asText()).isEqualTo("athar");
        assertThat(line.has("@timestamp")).isTrue();
        List<String> fields = new ArrayList<>();
        line.fieldNames().forEachRemaining(fields::add);
        // Nothing beyond ECS's own fields: no MDC or key-value context that could carry a user's input.
        assertThat(fields).isSubsetOf("@timestamp", "log", "process", "service", "message", "ecs");
    }
}
