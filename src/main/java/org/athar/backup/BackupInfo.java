package org.athar.backup;

import co.elastic.clients.elasticsearch.snapshot.SnapshotInfo;
import co.elastic.clients.elasticsearch.snapshot.Status;
import co.elastic.clients.json.JsonData;
import java.time.Instant;
import java.util.Optional;

/** Reads a {@link Backup} from the engine's snapshot description and, when fetched, its status. */
final class BackupInfo {

    private BackupInfo() {}

    static Backup of(SnapshotInfo s, Optional<Status> status) {
        Optional<JsonData> reports = Optional.ofNullable(s.metadata()).map(m -> m.get("reports"));
        Optional<JsonData> by = Optional.ofNullable(s.metadata()).map(m -> m.get("created_by"));
        String failure = s.reason() != null
                ? s.reason()
                : s.failures().isEmpty()
                        ? null
                        : s.failures().get(0).index() + ": "
                                + s.failures().get(0).reason();
        return new Backup(
                s.snapshot(),
                Backup.State.of(s.state()),
                Instant.ofEpochMilli(s.startTimeInMillis() == null ? 0 : s.startTimeInMillis()),
                Optional.ofNullable(s.endTimeInMillis()).filter(t -> t > 0).map(Instant::ofEpochMilli),
                s.indices().stream().sorted().toList(),
                reports.map(r -> r.to(Long.class)),
                by.map(b -> b.to(String.class)),
                status.map(st -> st.stats().total().sizeInBytes()),
                status.map(st -> st.shardsStats().done()),
                status.map(st -> st.shardsStats().total()),
                Optional.ofNullable(failure));
    }
}
