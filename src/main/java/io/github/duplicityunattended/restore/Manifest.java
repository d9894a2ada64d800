package io.github.duplicityunattended.restore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A duplicity manifest as its cache keeps it (plain text): which volume holds which range of paths, and the files
 * the set added, changed or deleted ({@code Filelist}). Names are written quoted when they hold a blank, a quote
 * or a backslash: {@code "sub\x20dir/a.txt"}. Read as duplicity reads it (0.8 and 2.x write the same form).
 */
public final class Manifest {

    /**
     * One volume and the range of paths it may hold; a path is its components as bytes.
     *
     * @param number the volume's number, from 1
     * @param start  the first path in it ({@code .}, the dir itself, is no component)
     * @param end    the last path in it
     */
    public record Volume(int number, List<byte[]> start, List<byte[]> end) {

        /** duplicity's {@code VolumeInfo.contains(index, recursive=1)}: the volume may hold the path or below. */
        public boolean contains(List<byte[]> path) {
            return compare(start.subList(0, Math.min(start.size(), path.size())), path) <= 0
                    && compare(path, end) <= 0;
        }
    }

    private final List<Volume> volumes;

    private Manifest(List<Volume> volumes) {
        this.volumes = List.copyOf(volumes);
    }

    public List<Volume> volumes() {
        return volumes;
    }

    /**
     * Reads a manifest, giving each {@code Filelist} entry (its change: new, changed or deleted; its path) to
     * {@code files} as it is read, so that a long file list is never held whole.
     */
    public static Manifest read(Reader text, BiConsumer<String, byte[]> files) throws IOException {
        // ISO-8859-1 maps each byte to one char and back: names stay the bytes duplicity wrote
        BufferedReader lines = new BufferedReader(text);
        TreeMap<Integer, Volume> volumes = new TreeMap<>();
        int latest = 0;
        int number = 0;
        List<byte[]> start = null;
        boolean fileList = false;
        String line;
        while ((line = lines.readLine()) != null) {
            String[] f = line.strip().split("\\s+");
            String field = f[0].toLowerCase(java.util.Locale.ROOT);
            if (field.equals("volume") && f.length > 1) {
                fileList = false;
                number = Integer.parseInt(f[1].replace(":", ""));
                start = null;
            } else if (field.equals("startingpath") && f.length > 1 && !fileList) {
                start = path(f[1]);
            } else if (field.equals("endingpath") && f.length > 1 && !fileList && start != null) {
                volumes.put(number, new Volume(number, start, path(f[1])));
                latest = number;
            } else if (field.equals("filelist")) {
                fileList = true;
            } else if (fileList && f.length > 1) {
                files.accept(f[0], unquote(String.join("", Arrays.asList(f).subList(1, f.length))));
            }
        }
        // after a restarted backup the manifest can list volumes 1, 2, 3, 2: the later ones were written again
        volumes.tailMap(latest, false).clear();
        return new Manifest(new ArrayList<>(volumes.values()));
    }

    /** The components of a path as the manifest writes it: {@code .} is the dir itself. */
    static List<byte[]> path(String written) {
        byte[] bytes = unquote(written);
        if (Arrays.equals(bytes, new byte[] {'.'})) {
            return List.of();
        }
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '/') {
                parts.add(Arrays.copyOfRange(bytes, from, i));
                from = i + 1;
            }
        }
        return parts;
    }

    /** duplicity's {@code Unquote}: {@code "a\x20b"} is the bytes of {@code a b}; an unquoted name is as written. */
    static byte[] unquote(String written) {
        byte[] raw = written.getBytes(StandardCharsets.ISO_8859_1);
        if (raw.length < 2 || raw[0] != '"' || raw[raw.length - 1] != '"') {
            return raw;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length);
        for (int i = 1; i < raw.length - 1; i++) {
            if (raw[i] == '\\' && i + 3 < raw.length && raw[i + 1] == 'x') {
                out.write(Integer.parseInt(new String(raw, i + 2, 2, StandardCharsets.ISO_8859_1), 16));
                i += 3;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toByteArray();
    }

    /** Python's comparison of two tuples of byte strings, as duplicity compares paths. */
    static int compare(List<byte[]> a, List<byte[]> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Arrays.compareUnsigned(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
