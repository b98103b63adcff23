package org.athar.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.athar.docker.Dockerfile.Copy;
import org.athar.docker.Dockerfile.Instruction;
import org.athar.docker.Dockerfile.Stage;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * docker/Dockerfile and .dockerignore read statically, so that a fresh clone's {@code docker build -f
 * docker/Dockerfile .} is checked where no Docker engine runs: what the build copies is in the repository and in the
 * build context, the image is built by the Maven wrapper, split into the jar's layers and runs as a non-root user.
 */
class DockerFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final String LEGAL = "/opt/athar/legal/";

    private static Dockerfile dockerfile() throws IOException {
        return Dockerfile.parse(Files.readString(ROOT.resolve("docker/Dockerfile"), StandardCharsets.UTF_8));
    }

    private static DockerIgnore dockerignore() throws IOException {
        return DockerIgnore.parse(Files.readString(ROOT.resolve(".dockerignore"), StandardCharsets.UTF_8));
    }

    private static Stage builder() throws IOException {
        return dockerfile().stage("builder").orElseThrow(() -> new AssertionError("no stage named builder"));
    }

    @Test
    void the_jar_is_built_in_a_jdk_stage_and_runs_in_a_jre_stage() throws IOException {
        Dockerfile file = dockerfile();
        assertThat(file.stages()).hasSize(2);
        assertThat(file.stages().get(0).base()).isEqualTo("eclipse-temurin:17-jdk");
        assertThat(file.stages().get(0).name()).isEqualTo("builder");
        assertThat(file.last().base()).isEqualTo("eclipse-temurin:17-jre");
    }

    @Test
    void the_builder_runs_the_maven_wrapper_with_a_cached_repository_and_extracts_the_layers() throws IOException {
        List<String> runs =
                builder().all("RUN").stream().map(Instruction::arguments).toList();
        assertThat(runs)
                .as("a RUN that packages with the wrapper, keeping ~/.m2 in a BuildKit cache")
                .anySatisfy(run -> assertThat(run)
                        .contains("--mount=type=cache,target=/root/.m2")
                        .contains("./mvnw -B -DskipTests package"));
        assertThat(runs)
                .as("a RUN that extracts the layered jar with its launcher")
                .anySatisfy(run -> assertThat(run)
                        .contains("-Djarmode=tools")
                        .contains("extract --layers --launcher --destination /build/extracted"));
    }

    @Test
    void every_file_the_build_copies_from_the_clone_exists_and_reaches_the_build_context() throws IOException {
        DockerIgnore ignore = dockerignore();
        List<String> problems = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        for (Stage stage : dockerfile().stages()) {
            for (Copy copy : stage.copies()) {
                if (copy.from().isPresent()) {
                    continue;
                }
                for (String source : copy.sources()) {
                    if (source.contains("*") || source.contains("?")) {
                        // A pattern may match nothing (BuildKit allows it); what it names must still be sent.
                        String named = source.replaceAll("[*?].*$", "");
                        if (ignore.excludes(named)) {
                            problems.add(source + " is left out by .dockerignore");
                        }
                        for (Path match : matches(source)) {
                            checkSent(ROOT.relativize(match).toString(), ignore, problems);
                        }
                    } else if (!Files.exists(ROOT.resolve(source))) {
                        problems.add(source + " is not in the repository");
                    } else {
                        checkSent(source, ignore, problems);
                    }
                    sent.add(source);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(sent)
                .as("what the Maven build reads")
                .contains("mvnw", "pom.xml", ".mvn/", "src/", "frontend/", "index-templates/", "LICENSE");
    }

    @Test
    void every_file_or_directory_the_pom_reads_is_copied_into_the_builder() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        List<String> read = new ArrayList<>();
        Matcher basedir =
                Pattern.compile("\\$\\{project\\.basedir}/([^<\\s\"]+)").matcher(pom);
        while (basedir.find()) {
            read.add(basedir.group(1));
        }
        Matcher directory = Pattern.compile("<directory>([^<$]+)</directory>").matcher(pom);
        while (directory.find()) {
            read.add(directory.group(1).strip());
        }
        assertThat(read).contains("src/main/resources", "index-templates");
        List<String> copied = builder().copies().stream()
                .filter(c -> c.from().isEmpty())
                .flatMap(c -> c.sources().stream())
                .map(s -> s.replaceAll("[*?].*$", "")) // NOTICE* covers NOTICE
                .map(s -> s.endsWith("/") ? s : s + (Files.isDirectory(ROOT.resolve(s)) ? "/" : ""))
                .toList();
        assertThat(read)
                .allSatisfy(path -> assertThat(copied)
                        .as(path + " (read by pom.xml) copied into the builder")
                        .anySatisfy(source -> assertThat(path + (Files.isDirectory(ROOT.resolve(path)) ? "/" : ""))
                                .startsWith(source)));
    }

    // A directory must be sent with all it holds, except the files a local Vaadin build generates (git ignores them).
    private static void checkSent(String source, DockerIgnore ignore, List<String> problems) throws IOException {
        if (ignore.excludes(source)) {
            problems.add(source + " is left out by .dockerignore");
            return;
        }
        Path path = ROOT.resolve(source);
        if (!Files.isDirectory(path)) {
            return;
        }
        for (String file : filesOfAFreshClone(path)) {
            if (ignore.excludes(file)) {
                problems.add(file + " (under " + source + ") is left out by .dockerignore");
            }
        }
    }

    private static List<String> filesOfAFreshClone(Path directory) throws IOException {
        Path gitignore = ROOT.resolve(".gitignore");
        DockerIgnore generated = DockerIgnore.parseGitignore(Files.readString(gitignore, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> ROOT.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !generated.excludes(f))
                    .toList();
        }
    }

    private static List<Path> matches(String glob) throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (Stream<Path> files = Files.list(ROOT)) {
            return files.filter(f -> matcher.matches(ROOT.relativize(f))).toList();
        }
    }

    @Test
    void the_build_context_never_holds_build_output_local_data_or_git_history() throws IOException {
        DockerIgnore ignore = dockerignore();
        assertThat(List.of(
                        "target/athar-0.1.0-SNAPSHOT.jar",
                        "target",
                        "data/engine/password",
                        "data/athar-hmac.key",
                        ".git/HEAD",
                        "docker/.env"))
                .allSatisfy(path ->
                        assertThat(ignore.excludes(path)).as(path + " excluded").isTrue());
        assertThat(ignore.excludes("src/main/java/org/athar/AtharApplication.java"))
                .isFalse();
    }

    @Test
    void the_runtime_stage_copies_each_layer_of_the_jar_in_its_own_copy_in_the_order_of_layers_xml() throws Exception {
        List<String> order = layerOrder();
        assertThat(order).contains("engine", "application");
        List<String> copied = dockerfile().last().copies().stream()
                .filter(c -> c.from().equals(Optional.of("builder")))
                .filter(c -> c.sources().size() == 1 && c.sources().get(0).startsWith("/build/extracted/"))
                .map(c -> {
                    assertThat(c.destination()).isEqualTo("/opt/athar/");
                    return c.sources().get(0).replaceAll("^/build/extracted/|/$", "");
                })
                .toList();
        assertThat(copied).containsExactlyElementsOf(order);
    }

    @Test
    void the_bundled_engine_is_a_layer_of_its_own_declared_in_the_pom() throws Exception {
        Element layers = xml(ROOT.resolve("src/main/layers.xml"));
        NodeList intos = layers.getElementsByTagName("into");
        List<String> engineIncludes = new ArrayList<>();
        for (int i = 0; i < intos.getLength(); i++) {
            Element into = (Element) intos.item(i);
            if (into.getAttribute("layer").equals("engine")) {
                NodeList includes = into.getElementsByTagName("include");
                for (int j = 0; j < includes.getLength(); j++) {
                    engineIncludes.add(includes.item(j).getTextContent().strip());
                }
            }
        }
        assertThat(engineIncludes).containsExactly("BOOT-INF/classes/athar-engine/**");
        String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        assertThat(pom)
                .contains("<configuration>${project.basedir}/src/main/layers.xml</configuration>")
                .contains("<outputDirectory>${project.build.outputDirectory}/athar-engine</outputDirectory>");
    }

    @Test
    void the_image_carries_the_licence_files_in_opt_athar_legal() throws IOException {
        List<String> legal = dockerfile().last().copies().stream()
                .filter(c -> c.from().equals(Optional.of("builder"))
                        && c.destination().startsWith(LEGAL))
                .flatMap(c -> c.sources().stream()
                        .map(s -> s.replace("/build/target/classes/META-INF/", "") + " -> " + c.destination()))
                .toList();
        assertThat(legal)
                .containsExactlyInAnyOrder(
                        "LICENSE -> " + LEGAL,
                        "NOTICE -> " + LEGAL,
                        "THIRD-PARTY.txt -> " + LEGAL,
                        "licenses/elasticsearch/ -> " + LEGAL + "licenses/elasticsearch/");
    }

    @Test
    void the_image_runs_as_a_non_root_system_user_and_keeps_its_data_in_a_volume() throws IOException {
        Stage runtime = dockerfile().last();
        List<Instruction> instructions = runtime.instructions();
        Instruction user =
                runtime.last("USER").orElseThrow(() -> new AssertionError("no USER: the image runs as root"));
        assertThat(user.arguments().strip()).isNotIn("root", "0", "0:0", "root:root");
        assertThat(instructions.indexOf(user))
                .as("USER before ENTRYPOINT")
                .isLessThan(instructions.indexOf(runtime.last("ENTRYPOINT").orElseThrow()));
        assertThat(runtime.all("RUN"))
                .anySatisfy(run -> assertThat(run.arguments())
                        .contains("useradd --system")
                        .contains(" " + user.arguments().strip()));
        assertThat(runtime.last("VOLUME").orElseThrow().arguments()).contains("\"/var/lib/athar\"");
        assertThat(runtime.last("ENV").orElseThrow().arguments()).contains("ATHAR_DATA_DIR=/var/lib/athar");
    }

    @Test
    void the_health_check_asks_for_readiness() throws IOException {
        Instruction check =
                dockerfile().last().last("HEALTHCHECK").orElseThrow(() -> new AssertionError("no HEALTHCHECK"));
        assertThat(check.arguments()).contains("CMD").containsPattern("/actuator/health/readiness\\b");
    }

    private static List<String> layerOrder() throws Exception {
        NodeList layers = xml(ROOT.resolve("src/main/layers.xml"))
                .getElementsByTagName("layerOrder")
                .item(0)
                .getChildNodes();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < layers.getLength(); i++) {
            if (layers.item(i) instanceof Element layer) {
                order.add(layer.getTextContent().strip());
            }
        }
        return order;
    }

    private static Element xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }
}
