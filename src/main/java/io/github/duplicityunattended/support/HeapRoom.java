package io.github.duplicityunattended.support;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Room in the heap while a bucket is listed, given back after. The units start the JVM with a heap that keeps at
 * most 20% of itself free after a collection, which keeps an idle daemon small; a listing of 20,000 keys in such a
 * heap collects all of it again and again (14 to 17 full collections, where 7 or 8 do with room). While a listing
 * runs, the heap may keep the JVM's default share free (40 to 70%); when the last listing ends the JVM's own
 * ratios are back, and the daemon collects once, so the heap gives back what the listing made it take (the
 * JVM's defaults keep it otherwise). Where the JVM cannot change these ratios, listings run as they are.
 */
public final class HeapRoom {

    static final String MIN = "MinHeapFreeRatio";
    static final String MAX = "MaxHeapFreeRatio";
    /** The free ratios while a listing runs: the JVM's defaults. */
    static final int ROOMY_MIN = 40;
    static final int ROOMY_MAX = 70;
    private static final Logger LOG = LoggerFactory.getLogger(HeapRoom.class);

    /** The JVM's options that a running JVM can change. */
    interface VmOptions {
        String get(String name);

        void set(String name, String value);
    }

    private final Supplier<Optional<VmOptions>> lookup;
    private Optional<VmOptions> options;
    private final Runnable collect;
    private final boolean giveBack;
    private int listings;
    /** The JVM's own ratios while they are widened, to be set back after the last listing; else null. */
    private Ratios own;

    private record Ratios(String min, String max) {
    }

    /**
     * @param giveBack collect once after the last listing: a daemon that stays, not a one-off command that exits
     */
    public static HeapRoom ofThisJvm(boolean giveBack) {
        return new HeapRoom(HeapRoom::hotSpot, System::gc, giveBack);
    }

    /**
     * @param options the JVM's options, looked up at the first listing (a process that never lists never loads
     *                the JVM's management classes)
     */
    HeapRoom(Supplier<Optional<VmOptions>> options, Runnable collect, boolean giveBack) {
        this.lookup = options;
        this.collect = collect;
        this.giveBack = giveBack;
    }

    /** A listing starts: the first widens the free ratios, unless they are as wide already. */
    public synchronized void enter() {
        if (listings++ > 0) {
            return;
        }
        if (options == null) {
            options = lookup.get();
        }
        if (options.isEmpty()) {
            return;
        }
        VmOptions vm = options.get();
        try {
            Ratios before = new Ratios(vm.get(MIN), vm.get(MAX));
            if (Integer.parseInt(before.max()) >= ROOMY_MAX) {
                return;
            }
            // from here on the last leave() sets them back, however much of the widening took
            own = before;
            // the JVM checks min <= max at each change: widen the maximum first
            vm.set(MAX, String.valueOf(ROOMY_MAX));
            vm.set(MIN, String.valueOf(Math.max(ROOMY_MIN, Integer.parseInt(before.min()))));
        } catch (RuntimeException e) {
            LOG.debug("The heap's free ratios stay as they are: {}", Failures.reason(e));
        }
    }

    /** A listing ended: after the last, the JVM's own ratios are back and (giveBack) the heap is collected once. */
    public synchronized void leave() {
        if (listings == 0) {
            throw new IllegalStateException("no listing to leave");
        }
        if (--listings > 0) {
            return;
        }
        if (own != null) {
            try {
                VmOptions vm = options.orElseThrow();
                vm.set(MIN, own.min());
                vm.set(MAX, own.max());
            } catch (RuntimeException e) {
                LOG.debug("The heap's free ratios could not be set back: {}", Failures.reason(e));
            }
            own = null;
        }
        if (giveBack) {
            collect.run();
        }
    }

    private static Optional<VmOptions> hotSpot() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean bean =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return Optional.ofNullable(bean).map(b -> new VmOptions() {
                @Override
                public String get(String name) {
                    return b.getVMOption(name).getValue();
                }

                @Override
                public void set(String name, String value) {
                    b.setVMOption(name, value);
                }
            });
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
