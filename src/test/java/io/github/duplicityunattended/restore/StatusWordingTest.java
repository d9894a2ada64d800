package io.github.duplicityunattended.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.duplicityunattended.monitor.FolderState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

/** --status for people and for scripts. */
class StatusWordingTest {

    static final StatusReport REPORT = new StatusReport("my-host-backup", Instant.parse("2026-11-26T08:00:00Z"), 7,
            Optional.of("0.8.22"), List.of(
            new DirStatus("/etc", "boto3+s3://my-host-backup/etc", "/var/cache/d/97bb70eaa657270fa40a0d476d55f748",
                    Optional.of(Instant.parse("2026-11-01T02:00:05Z")),
                    Optional.of(Instant.parse("2026-11-25T02:00:04Z")), 2, 26, 1288490189L,
                    FolderState.Status.RECENT),
            new DirStatus("/srv/my \"data\"", "boto3+s3://my-host-backup/srv/my \"data\"", "/var/cache/d/x",
                    Optional.empty(), Optional.empty(), 0, 0, 0, FolderState.Status.NEVER_BACKED_UP)));

    @Test
    void peopleReadABlockPerDir() {
        assertEquals("""
                Backups in my-host-backup, listed 2026-11-26 08:00 UTC (stale after 7 days), targets as duplicity 0.8.22 is given them:

                /etc: recent
                  target            boto3+s3://my-host-backup/etc
                  last full         2026-11-01 02:00 UTC (25 days ago)
                  last incremental  2026-11-25 02:00 UTC (1 day ago)
                  stored            2 chain(s), 26 backup set(s), 1.2 GiB
                  cache             /var/cache/d/97bb70eaa657270fa40a0d476d55f748

                /srv/my "data": never backed up
                  target            boto3+s3://my-host-backup/srv/my "data"
                  last full         none
                  last incremental  none
                  stored            0 chain(s), 0 backup set(s), 0 B
                  cache             /var/cache/d/x""", String.join("\n", StatusText.lines(REPORT)));
    }

    @Test
    void scriptsReadOneJsonDocumentWithPlainSlashesAndNullsForWhatIsNot() throws Exception {
        String json = StatusJson.document(REPORT);
        JsonObject doc = (JsonObject) Jsoner.deserialize(json);
        assertEquals(List.of("my-host-backup", "2026-11-26T08:00:00Z", 7, "0.8.22", false),
                List.of(doc.get("store"), doc.get("checked_at"), doc.getInteger("max_age_days"), doc.get("duplicity"),
                        doc.get("all_fresh")));
        JsonObject etc = (JsonObject) ((List<?>) doc.get("dirs")).get(0);
        assertEquals("{source=/etc, target=boto3+s3://my-host-backup/etc, status=recent,"
                + " last_full=2026-11-01T02:00:05Z, last_incremental=2026-11-25T02:00:04Z, chains=2, backup_sets=26,"
                + " bytes=1288490189, cache=/var/cache/d/97bb70eaa657270fa40a0d476d55f748}", etc.toString());
        JsonObject data = (JsonObject) ((List<?>) doc.get("dirs")).get(1);
        assertEquals(List.of("/srv/my \"data\"", "never_backed_up"), List.of(data.get("source"), data.get("status")));
        assertEquals(true, data.containsKey("last_full") && data.get("last_full") == null);
        assertEquals(false, json.contains("\\/"), json);
        assertEquals(true, json.contains("\"source\": \"/srv/my \\\"data\\\"\""), json);
    }
}
