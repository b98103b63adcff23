package org.athar.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The Jackson set-up that writes and reads {@link Report} documents (Optional fields, ISO dates). */
public final class ReportJson {

    private ReportJson() {}

    /**
     * A mapper for reports, e.g. for the Elasticsearch client's {@code JacksonJsonpMapper}; Spring Boot's own
     * mapper already has the same modules and ISO dates.
     */
    public static ObjectMapper newMapper() {
        return new ObjectMapper()
                .registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
