package io.weft.runtime.classloading;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one job's code: classes and resources of the job's jars come first, so a job may bundle
 * its own versions of libraries; classes whose names start with a parent-first pattern — the JDK, Weft itself,
 * logging, Hadoop and Avro (whose types Weft's serializers share with the job) — always come from the parent, so
 * that there is only one of each.
 *
 * <p>Thread-safe (registered as parallel capable). Close it when the job ends to release its jars.
 */
public final class ChildFirstClassLoader extends URLClassLoader {
    /** Name prefixes always loaded from the parent. */
    public static final List<String> DEFAULT_PARENT_FIRST = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "io.weft.", "org.slf4j", "org.apache.logging.", "org.apache.log4j", "org.apache.commons.logging",
            "org.apache.hadoop.", "org.apache.avro.", "org.w3c.", "org.xml.");

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final List<String> parentFirst;

    /**
     * @param additionalParentFirst more name prefixes to load from the parent
     */
    public ChildFirstClassLoader(URL[] jars, ClassLoader parent, List<String> additionalParentFirst) {
        super(jars, parent);
        List<String> all = new ArrayList<>(DEFAULT_PARENT_FIRST);
        all.addAll(additionalParentFirst);
        this.parentFirst = List.copyOf(all);
    }

    private boolean isParentFirst(String name) {
        for (String p : parentFirst) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && !isParentFirst(name)) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException notInJob) {
                    c = null;
                }
            }
            if (c == null) {
                c = super.loadClass(name, false);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        String asClass = name.replace('/', '.');
        if (!isParentFirst(asClass)) {
            URL own = findResource(name);
            if (own != null) {
                return own;
            }
        }
        return super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>();
        if (!isParentFirst(name.replace('/', '.'))) {
            all.addAll(Collections.list(findResources(name)));
        }
        ClassLoader parent = getParent();
        if (parent != null) {
            all.addAll(Collections.list(parent.getResources(name)));
        }
        return Collections.enumeration(all);
    }
}
