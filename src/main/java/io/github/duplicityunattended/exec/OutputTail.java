package io.github.duplicityunattended.exec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last lines of a process's output, bounded in count and line length, so memory stays small. */
public final class OutputTail {

    static final int MAX_LINE = 2000;
    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();

    public OutputTail(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line);
    }

    public synchronized int size() {
        return lines.size();
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
