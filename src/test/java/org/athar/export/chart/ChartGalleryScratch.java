package org.athar.export.chart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.athar.i18n.Messages;

/** Scratch: renders every kind to target/charts for a look. */
class ChartGalleryScratch {
    public static void main(String[] args) throws Exception {
        ChartRenderer renderer = new ChartRenderer(ChartFixtures.MESSAGES);
        ChartTexts texts = new ChartTexts(ChartFixtures.MESSAGES, ChartFixtures.GAZETTEER);
        Path dir = Path.of("target/charts");
        Files.createDirectories(dir);
        for (Locale l : new Locale[] {Messages.ENGLISH, Messages.ARABIC}) {
            String lang = l.getLanguage();
            var q = org.athar.search.ReportQuery.all();
            var f = new ChartTexts.Footer(java.util.List.of("SNHR", "VDC"), java.time.LocalDate.of(2026, 11, 29), true);
            var items = new java.util.LinkedHashMap<String, Object[]>();
            var gov = ChartFixtures.governorates(l);
            items.put("governorate-map", new Object[] {new ChartData.GovernorateMap(gov, 5), texts.forBreakdown(gov, q, f, 5, l)});
            var dis = ChartFixtures.aleppoDistricts(l);
            items.put("district-map", new Object[] {new ChartData.DistrictMap(dis, "SY02", 5), texts.forBreakdown(dis, q, f, 5, l)});
            var m = ChartFixtures.months(l);
            items.put("months", new Object[] {new ChartData.Timeline(m, 5), texts.forBreakdown(m, q, f, 5, l)});
            var y = ChartFixtures.years(l);
            items.put("years", new Object[] {new ChartData.Timeline(y, 5), texts.forBreakdown(y, q, f, 5, l)});
            items.put("years-line", new Object[] {new ChartData.Timeline(y, ChartData.TimeStyle.LINE, 5), texts.forBreakdown(y, q, f, 5, l)});
            var p = ChartFixtures.perpetrators(l);
            items.put("perpetrators", new Object[] {new ChartData.Bars(p, 5), texts.forBreakdown(p, q, f, 5, l)});
            items.put("governorate-bars", new Object[] {new ChartData.Bars(gov, 5), texts.forBreakdown(gov, q, f, 5, l)});
            var c = ChartFixtures.yearsByPerpetrator(l);
            items.put("years-by-perpetrator", new Object[] {new ChartData.StackedBars(c, 5), texts.forCrossTab(c, q, f, 5, l)});
            var g = ChartFixtures.governoratesByGender(l);
            items.put("governorates-by-gender", new Object[] {new ChartData.StackedBars(g, 5), texts.forCrossTab(g, q, f, 5, l)});
            for (var e : items.entrySet()) {
                ChartData d = (ChartData) e.getValue()[0];
                ChartText t = (ChartText) e.getValue()[1];
                for (ChartFormat fm : ChartFormat.values()) {
                    long t0 = System.nanoTime();
                    byte[] b = renderer.render(d, t, l, fm, fm == ChartFormat.PNG ? ChartSize.PRINT : ChartSize.of(960, 540));
                    System.out.printf("%s-%s.%s %d bytes %d ms%n", e.getKey(), lang, fm.extension(), b.length, (System.nanoTime() - t0) / 1_000_000);
                    Files.write(dir.resolve(e.getKey() + "-" + lang + "." + fm.extension()), b);
                }
            }
        }
    }
}
