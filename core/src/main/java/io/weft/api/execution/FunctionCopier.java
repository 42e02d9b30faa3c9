package io.weft.api.execution;

import io.weft.api.functions.Function;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Gives each parallel subtask its own instance of a user function, so that fields a rich function sets in
 * {@code open()} (state handles, buffers) are never shared between subtasks.
 *
 * <p>The function object is copied field by field, and so are fields that hold other user functions; every
 * other referenced object (strings, collections, configuration) is shared, so it must not be mutated once the
 * job runs. Lambdas and records cannot be copied field by field and are shared as they are: keep them free of
 * mutable state. No Java serialization is involved. Stateless and thread-safe.
 */
public final class FunctionCopier {
    private static final sun.misc.Unsafe UNSAFE = unsafe();

    private FunctionCopier() {
    }

    /** A copy of {@code f} for one subtask (or {@code f} itself when it cannot or need not be copied). */
    public static <F> F copy(F f) {
        return copy(f, new IdentityHashMap<>());
    }

    @SuppressWarnings("unchecked")
    private static <F> F copy(F f, Map<Object, Object> copies) {
        if (!(f instanceof Function) || !isCopyable(f.getClass())) {
            return f;
        }
        Object done = copies.get(f);
        if (done != null) {
            return (F) done;
        }
        try {
            Object copy = UNSAFE.allocateInstance(f.getClass());
            copies.put(f, copy);
            for (Class<?> c = f.getClass(); c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        field.setAccessible(true);
                        field.set(copy, copy(field.get(f), copies));
                    }
                }
            }
            return (F) copy;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return f;
        }
    }

    private static boolean isCopyable(Class<?> c) {
        if (c.isHidden() || c.isRecord() || c.isSynthetic() || c.isEnum()) {
            return false;
        }
        for (Class<?> k = c; k != Object.class; k = k.getSuperclass()) {
            String n = k.getName();
            if (n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jdk.") || n.startsWith("sun.")) {
                return false;
            }
        }
        return true;
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
