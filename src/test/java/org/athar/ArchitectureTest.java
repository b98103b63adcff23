package org.athar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** The package rules of CONVENTIONS.md, so that the layout cannot drift. */
@AnalyzeClasses(packages = "org.athar", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURES = {
        "org.athar.engine..",
        "org.athar.report..",
        "org.athar.ingest..",
        "org.athar.search..",
        "org.athar.analytics..",
        "org.athar.export..",
        "org.athar.chart..",
        "org.athar.briefing..",
        "org.athar.security..",
        "org.athar.linkage..",
        "org.athar.dataset..",
        "org.athar.i18n..",
        "org.athar.backup.."
    };

    @ArchTest
    static final ArchRule features_never_use_the_ui_or_the_api = noClasses()
            .that()
            .resideInAnyPackage(FEATURES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.athar.ui..", "org.athar.api..", "com.vaadin..");

    /**
     * A feature's own Elasticsearch access lives in its *Store class and package-private helpers, so no client type
     * leaks through a feature's public API.
     */
    @ArchTest
    static final ArchRule only_the_engine_and_features_own_access_classes_use_the_elasticsearch_client = noClasses()
            .that()
            .resideOutsideOfPackage("org.athar.engine..")
            .and(DescribedPredicate.describe(
                    "are public and neither a *Store class nor nested in one",
                    (JavaClass c) -> !topLevel(c).getSimpleName().endsWith("Store")
                            && topLevel(c)
                                    .getModifiers()
                                    .contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("co.elastic.clients..", "org.elasticsearch..");

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    @ArchTest
    static final ArchRule the_ui_and_api_never_touch_elasticsearch = noClasses()
            .that()
            .resideInAnyPackage("org.athar.ui..", "org.athar.api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("co.elastic.clients..", "org.elasticsearch..");

    /**
     * Screens and controllers reach reports only through ReportSearch, which applies the viewer's permissions; the
     * store that returns unredacted reports, names and counts is out of their reach.
     */
    @ArchTest
    static final ArchRule the_ui_and_api_search_only_through_the_service_that_redacts = noClasses()
            .that()
            .resideInAnyPackage("org.athar.ui..", "org.athar.api..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.athar.search.SearchStore");

    @ArchTest
    static final ArchRule the_report_domain_is_free_of_spring_and_services = noClasses()
            .that()
            .resideInAPackage("org.athar.report..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.athar.ingest..",
                    "org.athar.search..",
                    "org.athar.analytics..",
                    "org.athar.export..");

    @ArchTest
    static final ArchRule the_api_never_uses_the_ui = noClasses()
            .that()
            .resideInAPackage("org.athar.api..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.athar.ui..")
            .allowEmptyShould(true);

    /**
     * The audit log is append-only in code, not only by habit: its classes never ask the engine to update, delete,
     * bulk-write or reindex, nor to write a document under an id of their choosing (which could overwrite one).
     */
    @ArchTest
    static final ArchRule the_audit_log_has_no_update_or_delete_path = noClasses()
            .that()
            .resideInAPackage("org.athar.security..")
            .and()
            .haveSimpleNameStartingWith("Audit")
            .should()
            .callMethodWhere(DescribedPredicate.describe(
                    "update, delete, bulk-write or reindex in the engine," + " or choose a document id",
                    (JavaMethodCall call) -> {
                        String owner = call.getTargetOwner().getName();
                        String name = call.getName();
                        return owner.startsWith("co.elastic.clients.")
                                && (name.startsWith("update")
                                        || name.startsWith("delete")
                                        || name.equals("bulk")
                                        || name.startsWith("reindex")
                                        || name.equals("create")
                                        || (owner.endsWith("IndexRequest$Builder") && name.equals("id")));
                    }));

    /**
     * The sharing ledger is append-only in code as well (issue 21): its classes only ever create documents, which the
     * engine refuses for an id that exists; they never update, delete, bulk-write, reindex or index (which overwrites).
     */
    @ArchTest
    static final ArchRule the_sharing_ledger_has_no_update_or_delete_path = noClasses()
            .that()
            .resideInAPackage("org.athar.sharing..")
            .and()
            .haveSimpleNameStartingWith("Ledger")
            .should()
            .callMethodWhere(DescribedPredicate.describe(
                    "update, delete, bulk-write, reindex or overwrite in the engine", (JavaMethodCall call) -> {
                        String owner = call.getTargetOwner().getName();
                        String name = call.getName();
                        return owner.startsWith("co.elastic.clients.")
                                && (name.startsWith("update")
                                        || name.startsWith("delete")
                                        || name.equals("bulk")
                                        || name.startsWith("reindex")
                                        || (owner.endsWith(".ElasticsearchClient") && name.equals("index")));
                    }));

    @ArchTest
    static final ArchRule only_the_audit_log_reaches_its_store = classes()
            .that()
            .haveFullyQualifiedName("org.athar.security.AuditStore")
            .should()
            .onlyBeAccessed()
            .byClassesThat(DescribedPredicate.describe(
                    "are AuditLog or AuditStore",
                    (JavaClass c) -> topLevel(c).getName().equals("org.athar.security.AuditLog")
                            || topLevel(c).getName().equals("org.athar.security.AuditStore")));

    @ArchTest
    static final ArchRule views_are_built_only_in_the_ui_package = classes()
            .that()
            .areAnnotatedWith(com.vaadin.flow.router.Route.class)
            .should()
            .resideInAPackage("org.athar.ui..");

    /**
     * Disclosure control is structural (docs/disclosure-control.md, "Every aggregate output"): the figures of every
     * output are a {@code Breakdown}, {@code CrossTab} or {@code SourceOverlap} that only the analytics package makes,
     * handed out by {@code Figures}, which applies the viewer's profile. No other package may make one (a chart or a
     * workbook cannot build public figures of its own) or count on the engine past {@code Figures}.
     */
    @ArchTest
    static final ArchRule only_analytics_makes_figures = noClasses()
            .that()
            .resideOutsideOfPackage("org.athar.analytics..")
            .should()
            .callConstructor(
                    org.athar.analytics.Breakdown.class,
                    org.athar.analytics.DisclosureProfile.class,
                    java.util.OptionalLong.class,
                    java.util.OptionalLong.class,
                    java.util.List.class)
            .orShould()
            .callConstructorWhere(DescribedPredicate.describe(
                    "of Breakdown, CrossTab, Bucket or SourceOverlap",
                    (com.tngtech.archunit.core.domain.JavaConstructorCall call) -> java.util.Set.of(
                                    "org.athar.analytics.Breakdown", "org.athar.analytics.CrossTab",
                                    "org.athar.analytics.Bucket", "org.athar.analytics.SourceOverlap",
                                    "org.athar.analytics.SourceOverlap$Row",
                                            "org.athar.analytics.SourceOverlap$Pattern")
                            .contains(call.getTargetOwner().getName())))
            .orShould()
            .callMethod(org.athar.analytics.SourceOverlap.class, "of", org.athar.linkage.Overlap.class);

    /** The exact overlap of sources reaches outputs only through Figures.overlap, which applies the profile. */
    @ArchTest
    static final ArchRule only_figures_reads_the_exact_overlap = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("org.athar.analytics.Figures")
            .should()
            .callMethod(org.athar.linkage.Persons.class, "overlap", org.athar.security.Viewer.class);

    /** Exact statistics are package-private to analytics: nothing outside it can count past disclosure control. */
    @ArchTest
    static final ArchRule exact_statistics_stay_inside_analytics = classes()
            .that()
            .haveFullyQualifiedName("org.athar.analytics.Statistics")
            .should()
            .notBePublic()
            .andShould()
            .onlyBeAccessed()
            .byClassesThat()
            .resideInAPackage("org.athar.analytics..");

    /**
     * Only the platform makes threads, executors and schedulers (platform.Tasks, platform.Retry), so every background
     * task has a name, a daemon flag and a stated shutdown.
     */
    @ArchTest
    static final ArchRule only_the_platform_creates_threads_or_executors = noClasses()
            .that()
            .resideOutsideOfPackage("org.athar.platform..")
            .should()
            .callConstructorWhere(DescribedPredicate.describe(
                    "of a Thread, a thread pool or one of Spring's executors or schedulers",
                    (com.tngtech.archunit.core.domain.JavaConstructorCall call) -> {
                        JavaClass owner = call.getTargetOwner();
                        return owner.isAssignableTo(Thread.class)
                                || owner.isAssignableTo(java.util.concurrent.ThreadPoolExecutor.class)
                                || owner.isAssignableTo(java.util.concurrent.ForkJoinPool.class)
                                || owner.isAssignableTo(java.util.Timer.class)
                                || owner.getPackageName().startsWith("org.springframework.scheduling")
                                || owner.isAssignableTo(org.springframework.core.task.TaskExecutor.class);
                    }))
            .orShould()
            .callMethodWhere(DescribedPredicate.describe(
                    "of java.util.concurrent.Executors",
                    (JavaMethodCall call) ->
                            call.getTargetOwner().isEquivalentTo(java.util.concurrent.Executors.class)));

    /** One clock: the platform's Clock bean, injected, so a test can fix time for the whole application. */
    @ArchTest
    static final ArchRule only_the_platform_reads_the_system_clock = noClasses()
            .that()
            .resideOutsideOfPackage("org.athar.platform..")
            .should()
            .callMethod(java.time.Clock.class, "systemUTC")
            .orShould()
            .callMethod(java.time.Clock.class, "systemDefaultZone");

    /** The platform is the bottom layer: it knows Spring and the JDK, nothing of Athar. */
    @ArchTest
    static final ArchRule the_platform_depends_on_nothing_of_athar = noClasses()
            .that()
            .resideInAPackage("org.athar.platform..")
            .should()
            .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.athar..")
                    .and(JavaClass.Predicates.resideOutsideOfPackage("org.athar.platform..")));

    /**
     * The layers of docs/architecture.md, bottom to top: a class may use its own layer and the layers below it, never
     * one above. Within a layer, packages may use each other as long as no cycle forms (next rule).
     */
    @ArchTest
    static final ArchRule layers_point_one_way = Architectures.layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("platform")
            .definedBy("org.athar.platform..")
            .layer("domain")
            .definedBy("org.athar.report..", "org.athar.i18n..")
            .layer("engine")
            .definedBy("org.athar.engine..")
            .layer("security")
            .definedBy("org.athar.security..")
            .layer("search")
            .definedBy("org.athar.search..")
            .layer("features")
            .definedBy("org.athar.ingest..", "org.athar.linkage..", "org.athar.analytics..", "org.athar.dataset..")
            .layer("outputs")
            .definedBy(
                    "org.athar.export..",
                    "org.athar.chart..",
                    "org.athar.briefing..",
                    "org.athar.backup..",
                    "org.athar.demo..",
                    "org.athar.sharing..")
            .layer("screens and API")
            .definedBy("org.athar.api..", "org.athar.ui..")
            .whereLayer("screens and API")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("outputs")
            .mayOnlyBeAccessedByLayers("screens and API")
            .whereLayer("features")
            .mayOnlyBeAccessedByLayers("outputs", "screens and API")
            .whereLayer("search")
            .mayOnlyBeAccessedByLayers("features", "outputs", "screens and API")
            .whereLayer("security")
            .mayOnlyBeAccessedByLayers("search", "features", "outputs", "screens and API")
            .whereLayer("engine")
            .mayOnlyBeAccessedByLayers("security", "search", "features", "outputs", "screens and API")
            .whereLayer("domain")
            .mayOnlyBeAccessedByLayers("engine", "security", "search", "features", "outputs", "screens and API");

    /** No two top-level packages need each other: each can be read, tested and changed from the bottom up. */
    @ArchTest
    static final ArchRule no_cycles_between_packages =
            SlicesRuleDefinition.slices().matching("org.athar.(*)..").should().beFreeOfCycles();
}
