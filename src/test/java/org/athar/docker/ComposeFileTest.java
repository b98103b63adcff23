package org.athar.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.athar.engine.EngineIndices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yaml read statically: Athar connects with a least-privilege user that a one-shot service creates
 * with the {@code elastic} password (which Athar never sees), and every variable the file reads is documented in
 * docker/.env.example. {@code docker compose config} validates the file where the Compose plugin is installed.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path COMPOSE = ROOT.resolve("docker/compose.yaml");
    private static final Path ENV_EXAMPLE = ROOT.resolve("docker/.env.example");
    private static final Set<String> NEVER_ON_THE_AUDIT_LOG =
            Set.of("all", "manage", "write", "index", "delete", "delete_index", "create");

    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(COMPOSE, StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> service(String name) throws IOException {
        return map(map(compose().get("services"), "services").get(name), "service " + name);
    }

    private static Map<String, Object> environment(Map<String, Object> service) {
        return map(service.get("environment"), "environment");
    }

    /** The service whose command creates a role and a user through the security API. */
    private static Map.Entry<String, Map<String, Object>> userService() throws IOException {
        Map<String, Object> services = map(compose().get("services"), "services");
        for (Map.Entry<String, Object> e : services.entrySet()) {
            String command = String.valueOf(map(e.getValue(), e.getKey()).get("command"));
            if (command.contains("_security/role/") && command.contains("_security/user/")) {
                return Map.entry(e.getKey(), map(e.getValue(), e.getKey()));
            }
        }
        throw new AssertionError("no service creates Athar's role and user (PUT _security/role/…, _security/user/…)");
    }

    @Test
    void athar_never_connects_as_the_elastic_superuser() throws IOException {
        Map<String, Object> env = environment(service("athar"));
        assertThat(env.get("SPRING_ELASTICSEARCH_USERNAME")).isNotNull().isNotEqualTo("elastic");
        assertThat(env.values())
                .as("Athar's environment")
                .noneSatisfy(v -> assertThat(String.valueOf(v)).contains("ELASTIC_PASSWORD"));
    }

    @Test
    void athars_credentials_are_those_the_one_shot_service_creates_before_athar_starts() throws IOException {
        Map.Entry<String, Map<String, Object>> creator = userService();
        Map<String, Object> creatorEnv = environment(creator.getValue());
        Map<String, Object> atharEnv = environment(service("athar"));

        assertThat(atharEnv.get("SPRING_ELASTICSEARCH_USERNAME")).isEqualTo(creatorEnv.get("ATHAR_USERNAME"));
        assertThat(atharEnv.get("SPRING_ELASTICSEARCH_PASSWORD"))
                .isNotNull()
                .isEqualTo(creatorEnv.get("ATHAR_PASSWORD"));
        String command = String.valueOf(creator.getValue().get("command"));
        assertThat(command)
                .contains("_security/role/$$ATHAR_USERNAME")
                .contains("_security/user/$$ATHAR_USERNAME")
                .contains("\"password\":\"%s\"")
                .contains("$$ATHAR_PASSWORD");

        Map<String, Object> dependsOn = map(service("athar").get("depends_on"), "athar depends_on");
        assertThat(map(dependsOn.get(creator.getKey()), "athar on " + creator.getKey()))
                .containsEntry("condition", "service_completed_successfully");
        assertThat(map(map(creator.getValue().get("depends_on"), "depends_on").get("es01"), "on es01"))
                .containsEntry("condition", "service_healthy");
    }

    @Test
    void athars_role_reaches_only_its_own_indices_and_leaves_the_audit_log_append_only() throws IOException {
        JsonNode role = role();
        List<String> cluster = new ArrayList<>();
        role.path("cluster").forEach(p -> cluster.add(p.asText()));
        assertThat(cluster).isNotEmpty().doesNotContain("all", "manage", "manage_security", "manage_api_key");

        List<String> patterns = new ArrayList<>();
        for (JsonNode entry : role.path("indices")) {
            entry.path("names").forEach(n -> patterns.add(n.asText()));
            List<String> privileges = new ArrayList<>();
            entry.path("privileges").forEach(p -> privileges.add(p.asText()));
            assertThat(privileges).as("privileges on " + entry.path("names")).doesNotContain("all");
        }
        assertThat(patterns)
                .isNotEmpty()
                .allSatisfy(p ->
                        assertThat(p).as("index pattern").startsWith("athar-").isNotEqualTo("athar-*"));

        for (String alias : engineIndices()) {
            assertThat(privilegesOn(role, alias + "-v1")).as(alias + "-v1").contains("read");
            assertThat(privilegesOn(role, alias)).as(alias).contains("read");
        }
        assertThat(privilegesOn(role, EngineIndices.AUDIT + "-v1"))
                .contains("create_doc", "create_index")
                .doesNotContainAnyElementsOf(NEVER_ON_THE_AUDIT_LOG);
    }

    private static JsonNode role() throws IOException {
        List<?> volumes = (List<?>) userService().getValue().get("volumes");
        String mount = volumes.stream()
                .map(String::valueOf)
                .filter(v -> v.startsWith("./") && v.contains("role"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the role file is not mounted into the user service"));
        String[] parts = mount.split(":");
        assertThat(String.valueOf(userService().getValue().get("command"))).contains("@" + parts[1]);
        return new ObjectMapper().readTree(COMPOSE.getParent().resolve(parts[0]).toFile());
    }

    private static Set<String> privilegesOn(JsonNode role, String index) {
        Set<String> privileges = new LinkedHashSet<>();
        for (JsonNode entry : role.path("indices")) {
            for (JsonNode name : entry.path("names")) {
                String regex = Pattern.quote(name.asText()).replace("*", "\\E.*\\Q");
                if (index.matches(regex)) {
                    entry.path("privileges").forEach(p -> privileges.add(p.asText()));
                }
            }
        }
        return privileges;
    }

    private static List<String> engineIndices() {
        List<String> names = new ArrayList<>();
        for (Field field : EngineIndices.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(names).contains(EngineIndices.REPORTS, EngineIndices.AUDIT);
        return names;
    }

    @Test
    void every_variable_the_compose_file_reads_is_documented_in_env_example() throws IOException {
        Set<String> read = new LinkedHashSet<>();
        // $$ is Compose's escape for a literal $ (shell variables of the scripts), not a variable it reads.
        Matcher m = Pattern.compile("(?<!\\$)\\$\\{?([A-Za-z_][A-Za-z0-9_]*)")
                .matcher(Files.readString(COMPOSE, StandardCharsets.UTF_8));
        while (m.find()) {
            read.add(m.group(1));
        }
        assertThat(read).contains("ELASTIC_PASSWORD", "ATHAR_ELASTICSEARCH_PASSWORD");
        assertThat(envExample().keySet()).containsAll(read);
    }

    private static Map<String, String> envExample() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ENV_EXAMPLE, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#") && l.contains("=")) {
                values.put(
                        l.substring(0, l.indexOf('=')).strip(),
                        l.substring(l.indexOf('=') + 1).strip());
            }
        }
        return values;
    }

    @Test
    void docker_compose_accepts_the_file_with_the_example_values(@TempDir Path dir) throws Exception {
        Result version = run(List.of("docker", "compose", "version"));
        assumeTrue(
                version.exit() == 0,
                "`docker compose version` failed here (" + version.output().strip()
                        + "): no Compose plugin on this machine, so the file is checked statically only");
        // The example leaves the passwords empty for the reader to choose; Compose refuses empty required ones.
        StringBuilder env = new StringBuilder();
        envExample()
                .forEach((k, v) -> env.append(k)
                        .append('=')
                        .append(v.isEmpty() ? "example-" + k.toLowerCase() : v)
                        .append('\n'));
        Path envFile = dir.resolve("example.env");
        Files.writeString(envFile, env.toString(), StandardCharsets.UTF_8);
        Result config = run(List.of(
                "docker", "compose", "--env-file", envFile.toString(), "-f", COMPOSE.toString(), "config", "--quiet"));
        assertThat(config.exit()).as(config.output()).isZero();
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, String.join(" ", command) + " did not finish within 60 s");
            }
            return new Result(
                    process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
    }
}
