package org.athar.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.athar.report.District;
import org.athar.report.Gazetteer;
import org.athar.report.Governorate;
import org.athar.report.PerpetratorCategory;

/** Where demo disappearances happen and how sources write those places (names, aliases, p-codes). */
final class DemoPlaces {

    /** A town or neighbourhood, written in English or Arabic depending on the source. */
    record Town(String en, String ar) {}

    /**
     * Shares of cases by governorate. The only cumulative governorate figure published (SNHR, 10th annual
     * report, 2021) is a rank: Rural Damascus, Aleppo, Damascus, Deir ez-Zor. The one-month 2012 snapshot in
     * published_aggregates is not a distribution, so the rest follows population and the course of the conflict.
     */
    private static final Map<String, Double> GOVERNMENT_SHARES = shares(
            "SY03", 22, "SY02", 17, "SY01", 13, "SY09", 7.5, "SY04", 8.5, "SY07", 7, "SY12", 7, "SY05", 6, "SY06", 3.5,
            "SY11", 3, "SY08", 2.5, "SY10", 1.2, "SY14", 0.8, "SY13", 0.5);

    // Other parties held territory in a few regions only, so their cases concentrate there.
    private static final Map<PerpetratorCategory, Map<String, Double>> AREAS_OF_CONTROL = new EnumMap<>(Map.of(
            PerpetratorCategory.ISIS, shares("SY09", 40, "SY11", 35, "SY02", 15, "SY08", 5, "SY04", 5),
            PerpetratorCategory.HTS, shares("SY07", 70, "SY02", 20, "SY05", 10),
            PerpetratorCategory.ARMED_OPPOSITION, shares("SY02", 60, "SY12", 10, "SY03", 10, "SY07", 10, "SY08", 10),
            PerpetratorCategory.SDF, shares("SY08", 40, "SY11", 25, "SY02", 20, "SY09", 15)));

    // Transliterations seen in source files; each is in Athar's gazetteer aliases (checked by the tests).
    private static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry("SY01", List.of("Dimashq", "Damascus City")),
            Map.entry("SY02", List.of("Halab", "Haleb")),
            Map.entry("SY03", List.of("Rif Dimashq", "Damascus Countryside", "Reef Damascus")),
            Map.entry("SY04", List.of("Hims")),
            Map.entry("SY05", List.of("Hamah")),
            Map.entry("SY06", List.of("Latakia", "Al-Ladhiqiyah")),
            Map.entry("SY07", List.of("Idlib", "Edlib")),
            Map.entry("SY08", List.of("Hasakah", "Hassakeh")),
            Map.entry("SY09", List.of("Deir ez-Zor", "Deir Ezzor")),
            Map.entry("SY10", List.of("Tartus")),
            Map.entry("SY11", List.of("Raqqa", "Ar-Raqqah")),
            Map.entry("SY12", List.of("Deraa", "Daraa")),
            Map.entry("SY13", List.of("Sweida", "Suwayda")),
            Map.entry("SY14", List.of("Al-Qunaytirah")));

    // District p-code|English|Arabic: towns a documenter would write as the locality.
    private static final Map<String, List<Town>> TOWNS = towns(
            "SY0100|Kafr Sousa|كفرسوسة",
            "SY0100|Al-Midan|الميدان",
            "SY0100|Barzeh|برزة",
            "SY0100|Jobar|جوبر",
            "SY0100|Al-Qaboun|القابون",
            "SY0100|Al-Mazzeh|المزة",
            "SY0200|Salah al-Din|صلاح الدين",
            "SY0200|Al-Sukkari|السكري",
            "SY0200|Haritan|حريتان",
            "SY0200|Anadan|عندان",
            "SY0202|Al-Bab|الباب",
            "SY0204|Azaz|اعزاز",
            "SY0204|Tal Rifaat|تل رفعت",
            "SY0205|Manbij|منبج",
            "SY0203|Jinderes|جنديرس",
            "SY0301|Zamalka|زملكا",
            "SY0301|Jaramana|جرمانا",
            "SY0301|Babbila|ببيلا",
            "SY0301|Kafr Batna|كفربطنا",
            "SY0302|Douma|دوما",
            "SY0302|Harasta|حرستا",
            "SY0309|Darayya|داريا",
            "SY0309|Moadamiyeh|المعضمية",
            "SY0304|Saydnaya|صيدنايا",
            "SY0307|Madaya|مضايا",
            "SY0308|Qatana|قطنا",
            "SY0401|Baba Amr|بابا عمرو",
            "SY0401|Al-Waer|الوعر",
            "SY0401|Al-Khalidiyeh|الخالدية",
            "SY0404|Talbiseh|تلبيسة",
            "SY0404|Al-Rastan|الرستن",
            "SY0402|Al-Qusayr|القصير",
            "SY0501|Al-Hader|الحاضر",
            "SY0505|Kafr Zita|كفرزيتا",
            "SY0505|Al-Latamneh|اللطامنة",
            "SY0503|Salamiyeh|السلمية",
            "SY0600|Al-Raml al-Filistini|الرمل الفلسطيني",
            "SY0602|Jableh|جبلة",
            "SY0700|Saraqib|سراقب",
            "SY0700|Binnish|بنش",
            "SY0702|Maarat al-Numan|معرة النعمان",
            "SY0702|Kafr Nabl|كفرنبل",
            "SY0703|Sarmada|سرمدا",
            "SY0802|Qamishli|القامشلي",
            "SY0802|Amuda|عامودا",
            "SY0804|Ras al-Ain|رأس العين",
            "SY0903|Al-Mayadin|الميادين",
            "SY0903|Al-Ashara|العشارة",
            "SY0902|Al-Bukamal|البوكمال",
            "SY0902|Hajin|هجين",
            "SY0901|Muhasan|موحسن",
            "SY1002|Al-Bayda|البيضا",
            "SY1101|Al-Mishlab|المشلب",
            "SY1103|Al-Tabqa|الطبقة",
            "SY1102|Tal Abyad|تل أبيض",
            "SY1200|Daraa al-Balad|درعا البلد",
            "SY1200|Tafas|طفس",
            "SY1203|Nawa|نوى",
            "SY1203|Al-Hirak|الحراك",
            "SY1202|Jassem|جاسم",
            "SY1202|Inkhil|انخل",
            "SY1303|Shahba|شهبا",
            "SY1400|Khan Arnabeh|خان أرنبة");

    private final Map<String, Weighted<Governorate>> byPerpetrator = new LinkedHashMap<>();
    private final Weighted<Governorate> general;
    private final Map<String, List<District>> districtsByGovernorate = new LinkedHashMap<>();

    DemoPlaces(Gazetteer gazetteer) {
        general = weighted(gazetteer, GOVERNMENT_SHARES);
        AREAS_OF_CONTROL.forEach((category, shares) -> byPerpetrator.put(category.code(), weighted(gazetteer, shares)));
        for (District district : gazetteer.districts()) {
            districtsByGovernorate
                    .computeIfAbsent(district.governoratePcode(), k -> new ArrayList<>())
                    .add(district);
        }
    }

    Governorate governorate(PerpetratorCategory perpetrator, SplittableRandom random) {
        return byPerpetrator.getOrDefault(perpetrator.code(), general).pick(random);
    }

    District district(Governorate governorate, SplittableRandom random) {
        List<District> districts = districtsByGovernorate.get(governorate.pcode());
        return districts.get(random.nextInt(districts.size()));
    }

    /** The other district of the same governorate whose centre is nearest, if the governorate has another. */
    Optional<District> neighbour(District district) {
        District nearest = null;
        double best = Double.MAX_VALUE;
        for (District other : districtsByGovernorate.get(district.governoratePcode())) {
            double dLat = other.lat() - district.lat();
            double dLon = other.lon() - district.lon();
            double distance = dLat * dLat + dLon * dLon;
            if (!other.pcode().equals(district.pcode()) && distance < best) {
                nearest = other;
                best = distance;
            }
        }
        return Optional.ofNullable(nearest);
    }

    /** Mostly the English or Arabic name as the source's language has it; sometimes a p-code or an alias. */
    static String written(Governorate governorate, boolean arabic, SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.06) {
            return governorate.pcode();
        }
        if (arabic) {
            return u < 0.16 ? "محافظة " + governorate.nameAr() : u < 0.90 ? governorate.nameAr() : governorate.nameEn();
        }
        if (u < 0.24) {
            List<String> aliases = ALIASES.get(governorate.pcode());
            return aliases.get(random.nextInt(aliases.size()));
        }
        return u < 0.27 ? governorate.nameEn() + " Governorate" : governorate.nameEn();
    }

    static String written(District district, boolean arabic, SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.35) {
            return district.pcode();
        }
        return arabic && u < 0.70 ? district.nameAr() : district.nameEn();
    }

    /** A town of the district when one is listed, otherwise the district's own name. */
    static Town locality(District district, SplittableRandom random) {
        List<Town> towns = TOWNS.getOrDefault(district.pcode(), List.of());
        if (towns.isEmpty() || random.nextDouble() < 0.3) {
            return new Town(district.nameEn(), district.nameAr().replaceFirst("^مركز ", ""));
        }
        return towns.get(random.nextInt(towns.size()));
    }

    static Map<String, List<String>> aliases() {
        return ALIASES;
    }

    private static Weighted<Governorate> weighted(Gazetteer gazetteer, Map<String, Double> shares) {
        Weighted.Builder<Governorate> builder = Weighted.builder();
        // The gazetteer's order, not the map's, fixes the draw order so that output is the same on every JVM.
        for (Governorate governorate : gazetteer.governorates()) {
            builder.add(governorate, shares.getOrDefault(governorate.pcode(), 0.0));
        }
        return builder.build();
    }

    private static Map<String, Double> shares(Object... pcodeThenShare) {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int i = 0; i < pcodeThenShare.length; i += 2) {
            shares.put((String) pcodeThenShare[i], ((Number) pcodeThenShare[i + 1]).doubleValue());
        }
        return shares;
    }

    private static Map<String, List<Town>> towns(String... rows) {
        Map<String, List<Town>> towns = new LinkedHashMap<>();
        Arrays.stream(rows)
                .map(row -> row.split("\\|"))
                .forEach(parts ->
                        towns.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(new Town(parts[1], parts[2])));
        return towns;
    }
}
