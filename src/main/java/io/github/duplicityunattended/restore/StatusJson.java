package io.github.duplicityunattended.restore;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/** {@code --status --json}: the report as one JSON document, the schema the README gives. */
public final class StatusJson {

    private StatusJson() {
    }

    public static String document(StatusReport report) {
        JsonObject doc = new JsonObject();
        doc.put("store", report.store());
        doc.put("checked_at", report.checkedAt().toString());
        doc.put("max_age_days", report.maxAgeDays());
        doc.put("duplicity", report.duplicity().orElse(null));
        doc.put("all_fresh", report.allFresh());
        JsonArray dirs = new JsonArray();
        for (DirStatus dir : report.dirs()) {
            JsonObject d = new JsonObject();
            d.put("source", dir.source());
            d.put("target", dir.target());
            d.put("status", dir.status().name().toLowerCase(Locale.ROOT));
            d.put("last_full", time(dir.lastFull()));
            d.put("last_incremental", time(dir.lastIncremental()));
            d.put("chains", dir.chains());
            d.put("backup_sets", dir.backupSets());
            d.put("bytes", dir.bytes());
            d.put("cache", dir.cache());
            dirs.add(d);
        }
        doc.put("dirs", dirs);
        // the serializer writes "/" as "\/", which is valid JSON but hard on the eye in paths; a "\/" in its
        // output always stands for a "/" (a backslash of the text itself is written "\\"), so it is undone
        return Jsoner.prettyPrint(doc.toJson(), 2).replace("\\/", "/");
    }

    private static String time(Optional<Instant> time) {
        return time.map(Instant::toString).orElse(null);
    }
}
