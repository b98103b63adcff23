package org.athar.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.athar.engine.EngineIndices;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.athar.report.Report;
import org.athar.search.ReportQuery;

/**
 * Eleven synthetic reports in two sources of their own, so other tests' data in the shared engine cannot change
 * the counts: ten imported from a CSV and one stored without place, perpetrator, status, victim details or date
 * (as an older or partner document may be), which must count as unknown everywhere and be placed in no period.
 */
public final class StatisticsFixture {

    public final String sourceA = "Stats A " + UUID.randomUUID();
    public final String sourceB = "Stats B " + UUID.randomUUID();

    // Row by row, so every expected figure in the tests can be checked by hand against this table.
    private static final String CSV = """
            report_id,source,victim_name,gender,age,disappeared_on,governorate,district,perpetrator,status,narrative
            R1,A,Synthetic One,male,30,2013-03-14,Aleppo,SY0200,government,missing,Taken at a checkpoint
            R2,A,Synthetic Two,male,16,2013-03,Aleppo,,government,detained,Taken from home
            R3,A,Synthetic Three,female,25,2013,Aleppo,SY0200,isis,missing,Stopped at a checkpoint
            R4,A,Synthetic Four,female,,2013-01-05,Damascus,SY0100,government,missing,Taken from work
            R5,A,Synthetic Five,,40,,Damascus,,sdf,dead,Date not known
            R6,B,Synthetic Six,male,22,2012-11,Homs,,government,missing,Taken from home
            R7,B,Synthetic Seven,male,50,2010,,,,,Nothing else known
            R8,B,Synthetic Eight,female,12,2013-08-20,Idlib,,hts,released,Taken from school
            R9,B,Synthetic Nine,male,33,2012-11-02,Aleppo,SY0202,armed-opposition,missing,Held at a checkpoint
            R10,A,Synthetic Ten,male,,2013-03-01,Damascus,,government,missing,Taken from the street
            """;

    public void load(ImportService imports, ElasticsearchClient client) throws IOException {
        String csv = CSV.replace(",A,", "," + sourceA + ",").replace(",B,", "," + sourceB + ",");
        ImportResult r = imports.importFile(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "stats.csv",
                new ImportOptions(Optional.empty(), "test", true),
                c -> {});
        assertThat(r.rejected()).as("%s", r.errors()).isZero();
        assertThat(r.indexed()).isEqualTo(10);
        Map<String, Object> bare = new LinkedHashMap<>();
        bare.put("report_id", "RAW1");
        bare.put("source", sourceB);
        bare.put("synthetic", true);
        bare.put("victim", Map.of("name", "Synthetic Bare"));
        client.index(i -> i.index(EngineIndices.REPORTS)
                .id(Report.idFor(sourceB, "RAW1"))
                .document(bare)
                .refresh(Refresh.True));
    }

    /**
     * Every report of the fixture and nothing else, counted as reports: these tests are about counting reports, and
     * the bare report is written straight into the index, past the import that would give it a person.
     */
    public ReportQuery all() {
        ReportQuery a = ReportQuery.all();
        return new ReportQuery(
                a.text(),
                a.governorates(),
                a.districts(),
                a.perpetrators(),
                a.statuses(),
                a.genders(),
                a.ageGroups(),
                Set.of(sourceA, sourceB),
                a.from(),
                a.to(),
                a.hasLocation(),
                java.util.Optional.of(org.athar.search.Count.REPORTS));
    }

    static Map<String, Long> counts(Breakdown b) {
        Map<String, Long> out = new LinkedHashMap<>();
        b.buckets().forEach(x -> out.put(x.key(), x.count().orElseThrow()));
        return out;
    }

    static List<List<Long>> cells(CrossTab t) {
        return t.cells().stream()
                .map(r -> r.stream().map(c -> c.orElseThrow()).toList())
                .toList();
    }

    static List<Long> values(List<java.util.OptionalLong> values) {
        return values.stream().map(java.util.OptionalLong::orElseThrow).toList();
    }
}
