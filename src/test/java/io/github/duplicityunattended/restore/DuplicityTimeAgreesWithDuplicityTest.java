package io.github.duplicityunattended.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.duplicityunattended.testsupport.UsesInstalledTools;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** For every text of a table of odd and ordinary times, the check says what duplicity's own parser says. */
@UsesInstalledTools
class DuplicityTimeAgreesWithDuplicityTest {

    static final List<String> TIMES = List.of("now", "Now", "3D", "1h30m", "0s", "1x", "3d", "D", "12", "007",
            "2026-11-01", "2026/11/1", "2026-1-1", "2026-11-1T", "11/01/2026", "1/2/2026", "1-2-2026", "11/01/26",
            "20261101Z", "20261101", "2026110Z", "2026-11-01T02:00:00Z", "2026-11-01T02:00:00+01:00",
            "2026-11-01T02:00:00-05:30", "2026-11-01T02:00:00", "2026-11-01T02:00:00+1", "2026-11-01T02:00:00+0100",
            "2026-11-01T02:00", "2026-11-01T2:0:0", "2026-1-1T2:3:4Z", "20261101T020000Z", "20261101T020000X",
            "2026011T0200001Z", "2026-02-31", "2026-13-01", "1900-01-01", "1901-01-01", "2099-12-31", "2100-01-01",
            "2026-11-01T24:00:00Z", "2026-11-01T23:59:61Z", "2026-11-01T23:59:62Z", " 2026-11-01T02:00:00Z",
            "2026-11-01T02:00:00Z ", "2026-1_1-01T02:00:00Z", "+2026-11-01T02:00:00Z", "garbage", "", "-3D",
            "3 days", "2026-11-01 02:00:00");

    @Test
    void theCheckAgreesWithDuplicitysParserOnEveryTextOfTheTable() throws Exception {
        Map<String, Boolean> duplicity = duplicitysAnswers(TIMES);
        Map<String, Boolean> ours = new LinkedHashMap<>();
        TIMES.forEach(t -> ours.put(t, DuplicityTime.parses(t)));
        assertEquals(duplicity, ours);
    }

    /** The Python that runs the duplicity on PATH: its script's #! line. */
    static List<String> duplicitysPython() throws Exception {
        for (String dir : System.getenv("PATH").split(":")) {
            java.nio.file.Path script = java.nio.file.Path.of(dir, "duplicity");
            if (java.nio.file.Files.isExecutable(script)) {
                String first = java.nio.file.Files.readAllLines(script, StandardCharsets.ISO_8859_1).get(0);
                return List.of(first.substring(2).strip().split("\\s+"));
            }
        }
        throw new AssertionError("no duplicity on PATH");
    }

    /** Asks dup_time.genstrtotime of the installed duplicity, one text per NUL-separated record. */
    static Map<String, Boolean> duplicitysAnswers(List<String> times) throws Exception {
        String script = String.join("\n",
                "import gettext, sys",
                "gettext.install('duplicity')",
                "from duplicity import dup_time",
                "dup_time.setcurtime()",
                "for text in sys.stdin.read().split('\\0'):",
                "    try:",
                "        ok = dup_time.genstrtotime(text) is not None",
                "    except Exception:",
                "        ok = False",
                "    print('yes' if ok else 'no')");
        List<String> command = new java.util.ArrayList<>(duplicitysPython());
        command.addAll(List.of("-c", script));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().write(String.join("\0", times).getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("python3 could not ask duplicity: " + out);
        }
        List<String> answers = out.lines().toList();
        assertEquals(times.size(), answers.size(), out);
        Map<String, Boolean> result = new LinkedHashMap<>();
        for (int i = 0; i < times.size(); i++) {
            result.put(times.get(i), answers.get(i).equals("yes"));
        }
        return result;
    }
}
