package org.athar.ui;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Screens stay apart so that one can change without the others: what two screens share lives in
 * {@code ui.components}, a screen opens another by its route, and the menu comes from the screens' {@code @Menu}.
 */
@AnalyzeClasses(packages = "org.athar.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class ScreenIndependenceTest {

    @ArchTest
    static final ArchRule a_screen_never_uses_the_classes_of_another_screen = slices().matching("org.athar.ui.(*)..")
            .should()
            .notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage("org.athar.ui.components.."));

    @ArchTest
    static final ArchRule the_main_layout_names_no_screen = noClasses()
            .that()
            .haveNameMatching("org\\.athar\\.ui\\.MainLayout(\\$.*)?")
            .should()
            .dependOnClassesThat(resideInAPackage("org.athar.ui.*..")
                    .and(DescribedPredicate.not(resideInAPackage("org.athar.ui.components.."))));
}
