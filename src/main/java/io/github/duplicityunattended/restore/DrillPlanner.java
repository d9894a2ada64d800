package io.github.duplicityunattended.restore;

import io.github.duplicityunattended.config.BackupDir;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.ToLongBiFunction;

/**
 * Picks a drill's files from a dir's newest backup chain, within a download budget. The cached manifests name the
 * files of every set (a random sample is kept while they are read, so a long list is never held) and which volume
 * may hold which path. A restore of one file downloads every such volume of every set of the chain, whole: that is
 * the file's cost. Files changed since the backup (newer, gone, no longer regular files) are skipped and counted;
 * a file whose cost exceeds what is left of the budget is passed over for another.
 */
public final class DrillPlanner {

    private final Random random;

    public DrillPlanner(Random random) {
        this.random = random;
    }

    /**
     * @param volumeSize bytes of each volume: from the listing, or a bound where nothing lists
     * @param budget     bytes this dir's restores may download
     */
    public DrillPlan plan(BackupDir dir, BackupChain chain, VolumeSizes volumeSize, int sampleFiles, long budget)
            throws IOException {
        // the incremental sets first: their file lists are short and say which files changed or went since the full
        Map<String, String> changes = new HashMap<>();
        List<Manifest> manifests = new ArrayList<>(Collections.nCopies(chain.sets().size(), null));
        for (int i = 1; i < chain.sets().size(); i++) {
            manifests.set(i, chain.manifest(chain.sets().get(i), (change, path) -> changes.put(text(path), change)));
        }
        Reservoir sample = new Reservoir(Math.max(100, sampleFiles * 10));
        manifests.set(0, chain.manifest(chain.sets().get(0), (change, path) -> {
            if (!changes.containsKey(text(path))) {
                sample.offer(text(path));
            }
        }));
        changes.forEach((path, change) -> {
            if (!change.equals("deleted")) {
                sample.offer(path);
            }
        });
        List<String> candidates = sample.shuffled();
        Path source = Path.of(dir.source());
        List<DrillPlan.PlannedFile> files = new ArrayList<>();
        int skipped = 0;
        long left = budget;
        long smallestOver = Long.MAX_VALUE;
        for (String path : candidates) {
            if (files.size() == sampleFiles) {
                break;
            }
            if (path.isEmpty() || !unchangedSince(source.resolve(path), chain)) {
                skipped++;
                continue;
            }
            List<String> missing = new ArrayList<>();
            long cost = cost(path, chain, manifests, (set, volume) -> {
                if (volumeSize.missing(set, volume)) {
                    missing.add(set.set() + ".vol" + volume);
                }
                return volumeSize.of(set, volume);
            });
            if (cost > left) {
                smallestOver = Math.min(smallestOver, cost);
                continue;
            }
            left -= cost;
            files.add(new DrillPlan.PlannedFile(files.size() + 1, path, cost, missing));
        }
        Optional<String> problem = files.isEmpty() && smallestOver < Long.MAX_VALUE
                ? Optional.of("no file fits the budget left for this dir (" + budget + " bytes): the smallest restore"
                        + " picked would download " + smallestOver + " bytes; raise verify.max_download")
                : Optional.empty();
        return new DrillPlan(dir, files, Optional.of(chain.time()), skipped, problem);
    }

    /** The bytes a restore of {@code path} downloads: each volume of each set of the chain that may hold it. */
    static long cost(String path, BackupChain chain, List<Manifest> manifests,
                     ToLongBiFunction<BackupFileName, Integer> volumeSize) {
        List<byte[]> index = Manifest.path(path);
        long cost = 0;
        for (int i = 0; i < manifests.size(); i++) {
            for (Manifest.Volume volume : manifests.get(i).volumes()) {
                if (volume.contains(index)) {
                    cost += volumeSize.applyAsLong(chain.sets().get(i), volume.number());
                }
            }
        }
        return cost;
    }

    /** A regular file not modified after the backup was made: its copy in the backup is what it holds now. */
    private static boolean unchangedSince(Path file, BackupChain chain) throws IOException {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                && Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().getEpochSecond()
                <= chain.time().getEpochSecond();
    }

    /** A name as UTF-8 text; "" for a name that is not (it cannot be given to duplicity, and is skipped). */
    private static String text(byte[] path) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(path)).toString();
        } catch (CharacterCodingException e) {
            return "";
        }
    }

    /** A uniform random sample of a stream of unknown length (Algorithm R). */
    private final class Reservoir {
        private final int size;
        private final List<String> kept = new ArrayList<>();
        private long seen;

        Reservoir(int size) {
            this.size = size;
        }

        void offer(String item) {
            seen++;
            if (kept.size() < size) {
                kept.add(item);
            } else {
                long j = (long) (random.nextDouble() * seen);
                if (j < size) {
                    kept.set((int) j, item);
                }
            }
        }

        List<String> shuffled() {
            List<String> out = new ArrayList<>(kept);
            Collections.shuffle(out, random);
            return out;
        }
    }
}
