package io.weft.runtime.tasks;

/** Rethrows a checked exception from a method that cannot declare it (record collection in the chain). */
final class Sneaky {
    private Sneaky() {
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException rethrow(Throwable t) throws E {
        throw (E) t;
    }
}
