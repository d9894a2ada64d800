package io.github.duplicityunattended.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.duplicityunattended.config.BackupDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drill's files come from the cached manifests of the newest chain, each costing the volumes its restore downloads,
 * within the budget; files changed since the backup are skipped and counted.
 */
class DrillPlannerTest {

    static final Instant FULL = Instant.parse("2026-11-20T02:00:00Z");
    static final Instant INC = Instant.parse("2026-11-25T02:00:00Z");

    @TempDir
    Path tmp;
    Path cache;
    Path source;

    /**
     * An older chain, then the newest: a full set of two volumes (a.txt to c.txt, d.txt to f.txt) and an incremental
     * set that changed b.txt and added g.txt (one volume, b.txt to g.txt).
     */
    @BeforeEach
    void chains() throws Exception {
        cache = Files.createDirectories(tmp.resolve("cache"));
        source = Files.createDirectories(tmp.resolve("src"));
        write("duplicity-full.20261101T020000Z.manifest", volume(1, "a.txt", "z.txt") + "Filelist 1\n    new      old.txt\n");
        write("duplicity-full.20261120T020000Z.manifest", volume(1, ".", "c.txt") + volume(2, "d.txt", "f.txt")
                + "Filelist 6\n" + List.of("a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt").stream()
                .map(f -> "    new      " + f + "\n").reduce("", String::concat));
        write("duplicity-inc.20261120T020000Z.to.20261125T020000Z.manifest", volume(1, "b.txt", "g.txt")
                + "Filelist 2\n    changed  b.txt\n    new      g.txt\n");
        write("duplicity-inc.20261102T020000Z.to.20261103T020000Z.manifest", volume(1, "a.txt", "z.txt"));
        for (String f : List.of("a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt", "g.txt")) {
            Files.writeString(source.resolve(f), f);
            Files.setLastModifiedTime(source.resolve(f), FileTime.from(FULL.minusSeconds(60)));
        }
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(cache.resolve(name), text);
    }

    private static String volume(int n, String start, String end) {
        return "Volume " + n + ":\n    StartingPath   " + start + "  \n    EndingPath     " + end + "  \n";
    }

    /** Sizes as a listing gives them: full vol1 1000, full vol2 2000, the incremental's vol1 10. */
    static final Map<String, Long> LISTED = Map.of(
            "duplicity-full.20261120T020000Z.vol1.difftar.gpg", 1000L,
            "duplicity-full.20261120T020000Z.vol2.difftar.gpg", 2000L,
            "duplicity-inc.20261120T020000Z.to.20261125T020000Z.vol1.difftar.gpg", 10L,
            "duplicity-full.20261120T020000Z.manifest.gpg", 5L);

    private DrillPlan plan(int sample, long budget) throws Exception {
        BackupChain chain = BackupChain.newest(cache).orElseThrow();
        return new DrillPlanner(new Random(7)).plan(BackupDir.of(source.toString()), chain,
                VolumeSizes.listed(LISTED), sample, budget);
    }

    private static Map<String, Long> costs(DrillPlan plan) {
        Map<String, Long> out = new java.util.TreeMap<>();
        plan.getFiles().forEach(f -> out.put(f.path(), f.cost()));
        return out;
    }

    @Test
    void theNewestChainIsTheNewestFullAndTheIncrementalsThatFollowIt() throws Exception {
        BackupChain chain = BackupChain.newest(cache).orElseThrow();
        assertEquals(List.of("duplicity-full.20261120T020000Z", "duplicity-inc.20261120T020000Z.to.20261125T020000Z"),
                chain.sets().stream().map(BackupFileName::set).toList());
        assertEquals(INC, chain.time());
        assertEquals(Optional.empty(), BackupChain.newest(tmp.resolve("no cache")));
    }

    @Test
    void eachFileCostsEveryVolumeThatMayHoldItInEverySetOfTheChain() throws Exception {
        DrillPlan plan = plan(10, 1_000_000);
        assertEquals(Map.of("a.txt", 1000L, "b.txt", 1010L, "c.txt", 1010L, "d.txt", 2010L, "e.txt", 2010L,
                "f.txt", 2010L, "g.txt", 10L), costs(plan));
        assertEquals(0, plan.result().skipped());
        assertEquals(Optional.of(INC), plan.backupTime());
    }

    @Test
    void theSampleStopsAtItsSizeAndTheBudgetIsNeverExceeded() throws Exception {
        assertEquals(3, plan(3, 1_000_000).getFiles().size());
        for (long budget : List.of(10L, 1009L, 2500L, 4000L)) {
            DrillPlan plan = plan(10, budget);
            long planned = costs(plan).values().stream().mapToLong(Long::longValue).sum();
            assertEquals(true, planned <= budget && !plan.getFiles().isEmpty(), budget + ": " + costs(plan));
        }
    }

    @Test
    void filesChangedSinceTheBackupOrGoneAreSkippedAndCounted() throws Exception {
        Files.setLastModifiedTime(source.resolve("a.txt"), FileTime.from(INC.plusSeconds(1)));
        Files.delete(source.resolve("c.txt"));
        Files.delete(source.resolve("d.txt"));
        Files.createDirectory(source.resolve("d.txt"));
        DrillPlan plan = plan(10, 1_000_000);
        assertEquals(Set.of("b.txt", "e.txt", "f.txt", "g.txt"), new TreeSet<>(costs(plan).keySet()));
        assertEquals(3, plan.result().skipped());
    }

    @Test
    void aVolumeTheListingLacksIsNamedWithTheFilesThatNeedIt() throws Exception {
        Map<String, Long> withoutVol2 = new java.util.HashMap<>(LISTED);
        withoutVol2.remove("duplicity-full.20261120T020000Z.vol2.difftar.gpg");
        DrillPlan plan = new DrillPlanner(new Random(7)).plan(BackupDir.of(source.toString()),
                BackupChain.newest(cache).orElseThrow(), VolumeSizes.listed(withoutVol2), 10, 1_000_000);
        Map<String, List<String>> missing = new java.util.TreeMap<>();
        plan.getFiles().forEach(f -> missing.put(f.path(), f.missing()));
        assertEquals(List.of("duplicity-full.20261120T020000Z.vol2"), missing.get("e.txt"));
        assertEquals(List.of(), missing.get("a.txt"));
    }

    @Test
    void aBudgetNoFileFitsIsAProblemThatSaysWhatToRaise() throws Exception {
        DrillPlan plan = plan(10, 9);
        assertEquals(List.of(), plan.getFiles());
        assertEquals(Optional.of("no file fits the budget left for this dir (9 bytes): the smallest restore picked"
                + " would download 10 bytes; raise verify.max_download"), plan.problem());
    }

    @Test
    void whereNothingListsEveryVolumeCountsAtTheVolumeSize() {
        BackupFileName set = BackupFileName.parse("duplicity-full.20261120T020000Z.manifest.gpg").orElseThrow();
        assertEquals(List.of(200L << 20, 250L << 20, 16L << 20), List.of(
                VolumeSizes.bound(List.of()).of(set, 1),
                VolumeSizes.bound(List.of("--volsize", "250")).of(set, 1),
                VolumeSizes.bound(List.of("--num-retries", "3", "--volsize=16")).of(set, 2)));
        assertEquals(List.of(1000L, 0L), List.of(VolumeSizes.listed(LISTED).of(set, 1),
                VolumeSizes.listed(LISTED).of(set, 9)));
    }
}
