package io.github.duplicityunattended.support;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Room in the heap while a bucket is listed, given back after. The units start the JVM with a heap that keeps at
 * most 20% of itself free after a collection, which keeps an idle daemon small; a listing of 20,000 keys in such a
 * heap collects all of it again and again (14 to 17 full collections, where 7 or 8 do with room). While a listing
 * runs, the heap may keep the JVM's default share free (40 to 70%). When the last listing ends, a daemon collects
 * once with the heap kept to what is live and 5% more, so it gives back what the listing made it take (the JVM's
 * own ratios would keep a fifth free, its defaults two thirds); then the JVM's own ratios are back, and the heap
 * grows from there as it needs. Where the JVM cannot change these ratios, listings run as they are.
 */
public final class HeapRoom {

    static final String MIN = "MinHeapFreeRatio";
    static final String MAX = "MaxHeapFreeRatio";
    /** The free ratios while a listing runs: the JVM's defaults. */
    static final Ratios ROOMY = new Ratios(40, 70);
    /** The free ratios of the daemon's one collection after the last listing. */
    static final Ratios TIGHT = new Ratios(0, 5);
    private static final Logger LOG = LoggerFactory.getLogger(HeapRoom.class);

    /** The JVM's options that a running JVM can change. */
    interface VmOptions {
        String get(String name);

        void set(String name, String value);
    }

    record Ratios(int min, int max) {
    }

    private final Supplier<Optional<VmOptions>> lookup;
    private Optional<VmOptions> options;
    private final Runnable collect;
    private final boolean giveBack;
    private int listings;
    /** The JVM's own ratios while others are set, to be set back after the last listing; else null. */
    private Ratios own;

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
        change("widened", current -> current.max() < ROOMY.max()
                ? new Ratios(Math.max(ROOMY.min(), current.min()), ROOMY.max()) : current);
    }

    /** A listing ended: after the last, a daemon collects once, tightly, and the JVM's own ratios are back. */
    public synchronized void leave() {
        if (listings == 0) {
            throw new IllegalStateException("no listing to leave");
        }
        if (--listings > 0) {
            return;
        }
        if (giveBack) {
            change("tightened", current -> current.max() > TIGHT.max() ? TIGHT : current);
            collect.run();
        }
        if (own != null) {
            Ratios back = own;
            change("set back", current -> back);
            own = null;
        }
    }

    /** Sets the ratios {@code to} makes of the current ones, keeping the JVM's own to set back after. */
    private void change(String what, UnaryOperator<Ratios> to) {
        if (options.isEmpty()) {
            return;
        }
        VmOptions vm = options.get();
        try {
            Ratios current = new Ratios(Integer.parseInt(vm.get(MIN)), Integer.parseInt(vm.get(MAX)));
            Ratios next = to.apply(current);
            if (next.equals(current)) {
                return;
            }
            if (own == null) {
                // from here on the last leave() sets them back, however much of the change took
                own = current;
            }
            // the JVM checks min <= max at each change: the maximum first when it stays at or above the minimum
            if (next.max() >= current.min()) {
                vm.set(MAX, String.valueOf(next.max()));
                vm.set(MIN, String.valueOf(next.min()));
            } else {
                vm.set(MIN, String.valueOf(next.min()));
                vm.set(MAX, String.valueOf(next.max()));
            }
        } catch (RuntimeException e) {
            LOG.debug("The heap's free ratios could not be {}: {}", what, Failures.reason(e));
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
