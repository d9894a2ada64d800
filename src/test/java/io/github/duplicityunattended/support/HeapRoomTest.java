package io.github.duplicityunattended.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class HeapRoomTest {

    /** The JVM's options as a map that checks min <= max at each change, as HotSpot does. */
    static class Options implements HeapRoom.VmOptions {
        final Map<String, String> values = new HashMap<>();
        final List<String> changes = new ArrayList<>();
        /** Which changes the JVM refuses (none unless a test says). */
        BiPredicate<String, String> refused = (name, value) -> false;
        int lookups;

        Options(int min, int max) {
            values.put(HeapRoom.MIN, String.valueOf(min));
            values.put(HeapRoom.MAX, String.valueOf(max));
        }

        @Override
        public String get(String name) {
            return values.get(name);
        }

        @Override
        public void set(String name, String value) {
            if (refused.test(name, value)) {
                throw new IllegalArgumentException(name + "=" + value + " refused");
            }
            Map<String, String> next = new HashMap<>(values);
            next.put(name, value);
            if (Integer.parseInt(next.get(HeapRoom.MIN)) > Integer.parseInt(next.get(HeapRoom.MAX))) {
                throw new IllegalArgumentException(name + "=" + value + " would be above the maximum");
            }
            values.putAll(next);
            changes.add(name + "=" + value);
        }

        String ratios() {
            return values.get(HeapRoom.MIN) + "/" + values.get(HeapRoom.MAX);
        }
    }

    private final List<String> collections = new ArrayList<>();

    private HeapRoom room(Options options, boolean giveBack) {
        return new HeapRoom(() -> {
            options.lookups++;
            return Optional.of(options);
        }, () -> collections.add("gc at " + options.ratios()), giveBack);
    }

    @Test
    void aListingWidensTheUnitsTightRatiosToTheJvmDefaultsAndTheDaemonCollectsTightlyBeforeTheyComeBack() {
        Options options = new Options(10, 20);
        HeapRoom room = room(options, true);

        room.enter();
        assertEquals("40/70", options.ratios());
        room.leave();

        assertEquals("10/20", options.ratios());
        assertEquals(List.of("MaxHeapFreeRatio=70", "MinHeapFreeRatio=40", "MinHeapFreeRatio=0",
                "MaxHeapFreeRatio=5", "MaxHeapFreeRatio=20", "MinHeapFreeRatio=10"), options.changes,
                "each change keeps min <= max");
        assertEquals(List.of("gc at 0/5"), collections);
    }

    @Test
    void listingsAtOnceShareTheRoomAndOnlyTheLastOneGivesItBack() {
        Options options = new Options(10, 20);
        HeapRoom room = room(options, true);

        room.enter();
        room.enter();
        room.leave();
        assertEquals("40/70", options.ratios(), "one listing still runs");
        assertEquals(List.of(), collections);
        room.leave();

        assertEquals("10/20", options.ratios());
        assertEquals(List.of("gc at 0/5"), collections);
        assertEquals(1, options.lookups, "the JVM's options are looked up once");
    }

    @Test
    void ratiosAsWideAsTheDefaultsAreLeftAloneWhileListingAndTheDaemonStillCollectsTightlyAfter() {
        Options options = new Options(40, 70);
        HeapRoom room = room(options, true);

        room.enter();
        assertEquals(List.of(), options.changes);
        room.leave();

        assertEquals(List.of("gc at 0/5"), collections);
        assertEquals("40/70", options.ratios());
    }

    @Test
    void theJvmsOwnRatiosComeBackAfterTheListingsRoomAndTheTightCollection() {
        Options options = new Options(2, 4);
        HeapRoom room = room(options, true);

        room.enter();
        room.leave();

        assertEquals(List.of("gc at 0/5"), collections);
        assertEquals("2/4", options.ratios(), "its own, not the room's");
    }

    @Test
    void aOneOffCommandThatExitsAfterItsListingDoesNotCollect() {
        Options options = new Options(10, 20);
        HeapRoom room = room(options, false);

        room.enter();
        room.leave();

        assertEquals("10/20", options.ratios());
        assertEquals(List.of(), collections);
    }

    @Test
    void aMinimumAboveTheDefaultIsKeptWhileListing() {
        Options options = new Options(50, 60);
        HeapRoom room = room(options, false);

        room.enter();
        assertEquals("50/70", options.ratios());
        room.leave();

        assertEquals("50/60", options.ratios());
    }

    @Test
    void aJvmWhoseOptionsCannotBeChangedListsAsItIs() {
        Options options = new Options(10, 20);
        options.refused = (name, value) -> true;
        HeapRoom room = room(options, true);

        room.enter();
        room.leave();

        assertEquals("10/20", options.ratios());
        assertEquals(List.of("gc at 10/20"), collections, "collects as it can");
    }

    @Test
    void aWideningThatTookOnlyHalfWayIsSetBackAfterTheListing() {
        Options options = new Options(10, 20);
        options.refused = (name, value) -> name.equals(HeapRoom.MIN) && value.equals("40");
        HeapRoom room = room(options, false);

        room.enter();
        assertEquals("10/70", options.ratios());
        room.leave();

        assertEquals("10/20", options.ratios());
    }

    @Test
    void aJvmWithoutTheseOptionsListsAsItIs() {
        HeapRoom room = new HeapRoom(Optional::empty, () -> collections.add("gc"), true);

        room.enter();
        room.leave();

        assertEquals(List.of("gc"), collections);
    }

    @Test
    void thisJvmsRatiosAreWidenedWhileListingAndBackAfter() {
        com.sun.management.HotSpotDiagnosticMXBean jvm =
                ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        String own = jvm.getVMOption(HeapRoom.MIN).getValue() + "/" + jvm.getVMOption(HeapRoom.MAX).getValue();
        jvm.setVMOption(HeapRoom.MIN, "10");
        jvm.setVMOption(HeapRoom.MAX, "20");
        try {
            HeapRoom room = HeapRoom.ofThisJvm(false);
            room.enter();
            assertEquals("70", jvm.getVMOption(HeapRoom.MAX).getValue());
            assertEquals("40", jvm.getVMOption(HeapRoom.MIN).getValue());
            room.leave();
            assertEquals("20", jvm.getVMOption(HeapRoom.MAX).getValue());
            assertEquals("10", jvm.getVMOption(HeapRoom.MIN).getValue());
        } finally {
            String[] ratios = own.split("/");
            jvm.setVMOption(HeapRoom.MAX, ratios[1]);
            jvm.setVMOption(HeapRoom.MIN, ratios[0]);
        }
    }

    @Test
    void leavingMoreOftenThanEnteringIsAMistakeOfTheCaller() {
        HeapRoom room = room(new Options(10, 20), true);
        room.enter();
        room.leave();
        assertThrows(IllegalStateException.class, room::leave);
    }
}
