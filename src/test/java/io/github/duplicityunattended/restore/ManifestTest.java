package io.github.duplicityunattended.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Manifests as duplicity's cache keeps them: volumes with their path ranges, and the file list. */
class ManifestTest {

    /** As duplicity 0.8.22 wrote it while backing up (the file list last). */
    static final String FULL = """
            Hostname vm
            Localdir src
            Volume 1:
                StartingPath   .  \s
                EndingPath     f27.bin  \s
                Hash SHA1 935794205b0b968fb8091eec37089c4a23bcdecb
            Volume 2:
                StartingPath   f28.bin  \s
                EndingPath     "sub\\x20dir/deeper/big.bin" 12
                Hash SHA1 4e8e867d1951d8f51919db4992839fef28c5f9b3
            Volume 3:
                StartingPath   "sub\\x20dir/deeper/big.bin" 13
                EndingPath     "sub\\x20dir/z\\x22q\\x22.txt"  \s
                Hash SHA1 4e8e867d1951d8f51919db4992839fef28c5f9b4
            Filelist 3
                new      a.txt
                new      "sub\\x20dir/b\\x20c.txt"
                new      "sub\\x20dir/deeper/big.bin"
            """;

    private static List<String> paths(Manifest.Volume v) {
        return List.of(text(v.start()), text(v.end()));
    }

    private static String text(List<byte[]> path) {
        return String.join("/", path.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
    }

    @Test
    void volumesAndTheFileListAreReadWithQuotedNamesUnquoted() throws Exception {
        List<String> files = new ArrayList<>();
        Manifest m = Manifest.read(new StringReader(FULL), (change, path) ->
                files.add(change + " " + new String(path, StandardCharsets.UTF_8)));

        assertEquals(List.of(List.of("", "f27.bin"), List.of("f28.bin", "sub dir/deeper/big.bin"),
                List.of("sub dir/deeper/big.bin", "sub dir/z\"q\".txt")),
                m.volumes().stream().map(ManifestTest::paths).toList());
        assertEquals(List.of(1, 2, 3), m.volumes().stream().map(Manifest.Volume::number).toList());
        assertEquals(List.of("new a.txt", "new sub dir/b c.txt", "new sub dir/deeper/big.bin"), files);
    }

    @Test
    void theFileListMayComeBeforeTheVolumes() throws Exception {
        String listFirst = """
                Hostname vm
                Filelist 1
                    changed  a.txt
                Volume 1:
                    StartingPath   a.txt  \s
                    EndingPath     a.txt  \s
                """;
        List<String> files = new ArrayList<>();
        Manifest m = Manifest.read(new StringReader(listFirst), (change, path) -> files.add(change));
        assertEquals(List.of("changed"), files);
        assertEquals(1, m.volumes().size());
    }

    @Test
    void afterARestartedBackupTheVolumesWrittenAgainReplaceTheLaterOnes() throws Exception {
        String restarted = """
                Volume 1:
                    StartingPath   .  \s
                    EndingPath     b  \s
                Volume 2:
                    StartingPath   b  \s
                    EndingPath     d  \s
                Volume 3:
                    StartingPath   d  \s
                    EndingPath     f  \s
                Volume 2:
                    StartingPath   b  \s
                    EndingPath     c  \s
                """;
        Manifest m = Manifest.read(new StringReader(restarted), (change, path) -> { });
        assertEquals(List.of(List.of("", "b"), List.of("b", "c")), m.volumes().stream().map(ManifestTest::paths)
                .toList());
    }

    @Test
    void aVolumeMayHoldAPathBetweenItsFirstAndLastOrBelowItsFirst() throws Exception {
        Manifest m = Manifest.read(new StringReader(FULL), (change, path) -> { });
        Manifest.Volume first = m.volumes().get(0);
        Manifest.Volume second = m.volumes().get(1);
        Manifest.Volume third = m.volumes().get(2);
        assertEquals(List.of(true, false, false), contains(List.of(first, second, third), "a.txt"));
        assertEquals(List.of(false, true, false), contains(List.of(first, second, third), "f3.bin"));
        assertEquals(List.of(false, true, true), contains(List.of(first, second, third), "sub dir/deeper/big.bin"));
        // a dir holds what is below it: volume 2 begins before it, volume 3 inside it
        assertEquals(List.of(false, true, true), contains(List.of(first, second, third), "sub dir"));
        assertEquals(List.of(true, true, true), contains(List.of(first, second, third), ""));
    }

    private static List<Boolean> contains(List<Manifest.Volume> volumes, String path) {
        return volumes.stream().map(v -> v.contains(path.isEmpty() ? List.of() : Manifest.path(path))).toList();
    }
}
