package org.athar.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.athar.ServerDefaults;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A chart shows the figures in the chart's language only: the same file on a server set up in Arabic, German or
 * Turkish (the chart library formats its own axis labels, and would take the server's locale if Athar let it).
 */
class ChartServerLocaleTest {

    private static final ChartRenderer RENDERER = new ChartRenderer(ChartFixtures.MESSAGES);
    private static final ChartSize SCREEN = ChartSize.of(960, 540);

    static Stream<ChartCase> cases() {
        return ChartCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_chart_is_the_same_file_whatever_the_servers_locale(ChartCase c) throws Throwable {
        String here = svg(c);
        for (Locale server : List.of(ServerDefaults.SYRIAN_ARABIC, ServerDefaults.GERMAN, ServerDefaults.TURKISH)) {
            assertThat(ServerDefaults.withLocale(server, () -> svg(c)))
                    .as("%s on a server in %s", c, server)
                    .isEqualTo(here);
        }
    }

    private static String svg(ChartCase c) {
        return new String(
                RENDERER.render(c.data(), c.text(), c.locale(), ChartFormat.SVG, SCREEN), StandardCharsets.UTF_8);
    }
}
