package org.athar.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.athar.platform.ProblemKind;
import org.athar.platform.Problems;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Answers every address under {@code /api} that no endpoint serves with 404 in the API's error format, naming the
 * address, the versions that exist, or the trailing slash to drop. Without it Vaadin's catch-all mapping would
 * answer such an address with the web page and 200, and a script would believe its call worked.
 *
 * <p>A handler mapping of its own, ordered after every Spring MVC mapping (controllers, springdoc, actuator) and just
 * before Vaadin's and the static resources' catch-alls (both {@code LOWEST_PRECEDENCE - 1}), rather than a
 * {@code /api/**} controller method: controllers share one mapping where a catch-all pattern would win whenever the
 * real address does not match the method or content type, and turn a correct 405 or 415 into 404. Here Spring has
 * already answered those before this mapping is asked. It is not a security filter either, so a caller without
 * credentials still gets the API chain's 401 before this and learns nothing about which addresses exist.
 */
@Configuration(proxyBeanMethods = false)
class UnknownApiAddresses {

    private static final Pattern VERSION = Pattern.compile("^/api/(v\\d+)(/|$)");

    @Bean
    SimpleUrlHandlerMapping unknownApiAddressMapping(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping endpoints) {
        HttpRequestHandler notFound = new NotFound(endpoints);
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/api", notFound, "/api/**", notFound));
        mapping.setOrder(Ordered.LOWEST_PRECEDENCE - 2);
        return mapping;
    }

    /** Writes the 404; the sentence says what to do instead. */
    static final class NotFound implements HttpRequestHandler {

        private final RequestMappingHandlerMapping endpoints;

        NotFound(RequestMappingHandlerMapping endpoints) {
            this.endpoints = endpoints;
        }

        @Override
        public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            Problems.write(
                    Problems.of(
                            HttpStatus.NOT_FOUND,
                            ProblemKind.UNKNOWN_ADDRESS,
                            request.getMethod() + " " + path + ": " + reason(path)),
                    request,
                    response);
        }

        String reason(String path) {
            SortedSet<String> versions = versions();
            String known = String.join(", ", versions) + ", e.g. /api/" + versions.first() + "/reports (endpoints: "
                    + "/api-docs.html)";
            Matcher version = VERSION.matcher(path);
            if (!version.find()) {
                return "API addresses start with a version; the versions are " + known;
            }
            if (!versions.contains(version.group(1))) {
                return "there is no API version " + version.group(1) + "; the versions are " + known;
            }
            if (path.endsWith("/")) {
                // Spring Boot 3 matches addresses exactly; accepting both spellings would give each endpoint two.
                return "API addresses take no trailing slash; call " + path.substring(0, path.length() - 1);
            }
            return "no API endpoint has this address; the endpoints and their methods are listed at /api-docs.html";
        }

        /** The versions the controllers serve, read from their mappings so that a new version is listed at once. */
        private SortedSet<String> versions() {
            SortedSet<String> versions = new TreeSet<>();
            endpoints
                    .getHandlerMethods()
                    .keySet()
                    .forEach(info -> info.getPatternValues().forEach(p -> {
                        Matcher m = VERSION.matcher(p);
                        if (m.find()) {
                            versions.add(m.group(1));
                        }
                    }));
            if (versions.isEmpty()) {
                versions.add("v1");
            }
            return versions;
        }
    }
}
