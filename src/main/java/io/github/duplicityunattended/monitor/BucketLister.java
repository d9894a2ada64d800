package io.github.duplicityunattended.monitor;

import java.io.IOException;
import java.util.function.Consumer;

/** Lists every object of the monitored target, one at a time, without reading any object. */
public interface BucketLister {

    /** One object as the listing gives it: its key and its size in bytes. */
    record Listed(String key, long size) {
    }

    /** Every object with its size, from one listing. */
    void listObjects(Consumer<Listed> objects) throws IOException;

    /** Every object key. */
    default void list(Consumer<String> keys) throws IOException {
        listObjects(object -> keys.accept(object.key()));
    }
}
