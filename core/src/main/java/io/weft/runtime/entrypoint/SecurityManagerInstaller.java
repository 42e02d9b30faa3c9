package io.weft.runtime.entrypoint;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs a JVM-wide {@link SecurityManager} without the four deprecation lines that JDK 17 and later print on the
 * process's stderr at the first {@code System.setSecurityManager} of each calling class (JEP 411) — lines a user of
 * {@code weft} would take for an error.
 *
 * <h2>How the lines are hidden</h2>
 * The JDK writes them to the stderr stream it opened at startup ({@code System.initialErrStream}), not to
 * {@link System#err}, so swapping {@code System.err} does not hide them, and neither does
 * {@code -Djava.security.manager=allow}. That private field is swapped for a discarding stream for the duration of
 * the call, through {@code sun.misc.Unsafe} (module {@code jdk.unsupported}, open to every class), and restored
 * right after. Where the field or Unsafe is missing, the manager is installed all the same and the lines appear.
 *
 * <h2>Where it cannot be installed</h2>
 * A JDK without the Security Manager (JDK 24 and later), one started with {@code -Djava.security.manager=disallow}
 * (the default of JDK 18 to 23, which {@code -Djava.security.manager=allow} lifts), or a JVM that already has a
 * Security Manager of its own: {@link #install} logs why and returns false; nothing else changes.
 *
 * <p>Stateless; callers serialize their calls (installation happens once per process, at its entrypoint).
 */
final class SecurityManagerInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityManagerInstaller.class);
    private static final String JDK_STDERR_FIELD = "initialErrStream";

    private SecurityManagerInstaller() {
    }

    /**
     * Makes {@code manager} the JVM's Security Manager.
     *
     * @param purpose what the manager is for, for the log line when it cannot be installed
     * @return whether it is installed now
     */
    @SuppressWarnings("removal") // the Security Manager is the JDK's only way to refuse System.exit
    static boolean install(SecurityManager manager, String purpose) {
        SecurityManager existing = System.getSecurityManager();
        if (existing != null) {
            LOG.info("Not {}: this JVM already has the Security Manager {}", purpose, existing.getClass().getName());
            return false;
        }
        JdkStderr stderr = JdkStderr.find();
        PrintStream previous = stderr == null ? null : stderr.swap(new PrintStream(OutputStream.nullOutputStream()));
        try {
            System.setSecurityManager(manager);
            return true;
        } catch (UnsupportedOperationException e) {
            LOG.info("Not {}: this JDK ({}) does not allow a Security Manager ({}); start it with "
                    + "-Djava.security.manager=allow (JDK 18 to 23)", purpose, Runtime.version(), e.getMessage());
            return false;
        } finally {
            if (previous != null) {
                stderr.swap(previous);
            }
        }
    }

    /** The JDK's own stderr stream, as a static field written through Unsafe. */
    private record JdkStderr(Object unsafe, Method put, Method get, Object base, long offset) {
        static JdkStderr find() {
            try {
                Field field = System.class.getDeclaredField(JDK_STDERR_FIELD);
                Class<?> type = Class.forName("sun.misc.Unsafe");
                Field theUnsafe = type.getDeclaredField("theUnsafe");
                theUnsafe.setAccessible(true);
                Object unsafe = theUnsafe.get(null);
                Object base = type.getMethod("staticFieldBase", Field.class).invoke(unsafe, field);
                long offset = (long) type.getMethod("staticFieldOffset", Field.class).invoke(unsafe, field);
                return new JdkStderr(unsafe, type.getMethod("putObjectVolatile", Object.class, long.class,
                        Object.class), type.getMethod("getObjectVolatile", Object.class, long.class), base, offset);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debug("Cannot reach the JDK's stderr stream; its Security Manager warning will show", e);
                return null;
            }
        }

        /** Puts {@code stream} in the field and returns what was there, or null (and changes nothing) if it cannot. */
        PrintStream swap(PrintStream stream) {
            try {
                PrintStream previous = (PrintStream) get.invoke(unsafe, base, offset);
                if (previous != null) {
                    put.invoke(unsafe, base, offset, stream);
                }
                return previous;
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debug("Cannot swap the JDK's stderr stream; its Security Manager warning will show", e);
                return null;
            }
        }
    }
}
