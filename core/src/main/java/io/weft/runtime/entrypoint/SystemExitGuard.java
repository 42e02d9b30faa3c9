package io.weft.runtime.entrypoint;

import java.security.Permission;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a user's program from ending the JVM that runs its {@code main()}: inside a {@link Scope}, a
 * {@code System.exit} (or {@code Runtime.halt}) is refused with a {@link ExitRefusedException} and recorded, so
 * that Weft reports it by its exit-code rule ({@link ProgramExit}) and a JobManager that runs programs for
 * everyone goes on serving its other jobs. Weft's own ways out ({@link ProcessShutdown}, {@link OutOfMemoryExit},
 * {@link ShutdownDeadline}) call {@link #allowExits()} first and are never refused; outside every scope nothing
 * is.
 *
 * <h2>Mechanism</h2>
 * The JDK's only hook into {@code System.exit} is the Security Manager's {@code checkExit}. {@link #install}
 * (called by every entrypoint, through {@link ProcessShutdown#install}) makes one the JVM's that permits
 * everything else — {@code checkPermission} and the package checks are empty, so the JDK's permission checks cost
 * a virtual call. Where a Security Manager cannot be installed (JDK 24 and later, see
 * {@link SecurityManagerInstaller}) it logs one line and scopes refuse nothing: a program's {@code System.exit}
 * then ends the JVM, as it would without Weft.
 *
 * <h2>Threading</h2>
 * A scope belongs to the thread that {@link #enter}s it and to the threads started from that thread (or from
 * those) while it is open: it is kept in an {@link InheritableThreadLocal}, so threads a program starts are
 * covered, and so, on the local target, are the threads of the embedded cluster its {@code execute()} starts.
 * Other threads of the JVM are never refused. The first refused exit of a scope is the one recorded.
 * {@link #install} and {@link #allowExits} may be called from any thread.
 */
public final class SystemExitGuard {
    private static final Logger LOG = LoggerFactory.getLogger(SystemExitGuard.class);
    private static final InheritableThreadLocal<Scope> SCOPE = new InheritableThreadLocal<>();
    private static volatile boolean installed;
    private static volatile boolean exitsAllowed;

    private SystemExitGuard() {
    }

    /**
     * Installs the guard in this JVM (once; later calls only return the outcome of the first).
     *
     * @return whether scopes refuse exits in this JVM
     */
    public static synchronized boolean install() {
        if (!installed && System.getSecurityManager() instanceof ExitCheck) {
            installed = true;
        } else if (!installed) {
            installed = SecurityManagerInstaller.install(new ExitCheck(), "refusing System.exit to programs");
            if (!installed) {
                // INFO, into the log file only: on such a JDK every command would print a console warning
                LOG.info("A program's System.exit ends this JVM: its main() is not guarded against it");
            }
        }
        return installed;
    }

    /** Whether {@link #install} succeeded, so that scopes refuse exits. */
    public static boolean isInstalled() {
        return installed;
    }

    /**
     * Opens a scope on the calling thread; close it on the same thread, when the program's {@code main()} has
     * ended. Scopes nest: closing one restores the one it was opened in.
     */
    public static Scope enter() {
        Scope scope = new Scope(Thread.currentThread(), SCOPE.get());
        SCOPE.set(scope);
        return scope;
    }

    /**
     * Lets every later {@code System.exit} and {@code Runtime.halt} of this JVM through, in every scope: Weft's own
     * exit paths call it right before they end the process. Allocates nothing, so it works without heap.
     */
    public static void allowExits() {
        exitsAllowed = true;
    }

    /**
     * Where a program's {@code System.exit} is refused: the thread that entered it and the threads started from it
     * while it is open (see the class comment). Thread-safe.
     */
    public static final class Scope implements AutoCloseable {
        private final Thread owner;
        private final Scope outer;
        private final AtomicReference<ProgramExit> exit = new AtomicReference<>();
        private volatile boolean open = true;

        private Scope(Thread owner, Scope outer) {
            this.owner = owner;
            this.outer = outer;
        }

        /** The first exit refused in this scope, if any. */
        public Optional<ProgramExit> exit() {
            return Optional.ofNullable(exit.get());
        }

        /** Ends the scope: exits are no longer refused in it. Called on the thread that entered it. */
        @Override
        public void close() {
            open = false;
            if (Thread.currentThread() == owner) {
                SCOPE.set(outer);
            }
        }

        /** Records an exit of {@code thread} and tells whether to refuse it. */
        private boolean refuse(int status, Thread thread) {
            if (!open) {
                return false;
            }
            exit.compareAndSet(null, new ProgramExit(status, thread.getName(), thread == owner));
            return true;
        }
    }

    /**
     * What {@code System.exit} throws inside a scope instead of ending the JVM. A {@link SecurityException}, as
     * the JDK documents for a refused exit; the code that runs the program reports the exit itself.
     */
    public static final class ExitRefusedException extends SecurityException {
        private static final long serialVersionUID = 1L;

        ExitRefusedException(int status) {
            super("System.exit(" + status + ") refused: Weft runs this program's main() and reports how it ended");
        }
    }

    /**
     * The Security Manager of the guard: refuses exits inside an open scope, permits everything else at the cost
     * of an empty call. Thread-safe and stateless.
     */
    @SuppressWarnings("removal") // the Security Manager is the JDK's only way to refuse System.exit
    private static final class ExitCheck extends SecurityManager {
        @Override
        public void checkExit(int status) {
            if (exitsAllowed) {
                return; // before the thread-local, which may allocate: an exit for lack of memory must not
            }
            Scope scope = SCOPE.get();
            if (scope != null && scope.refuse(status, Thread.currentThread())) {
                throw new ExitRefusedException(status);
            }
        }

        @Override
        public void checkPermission(Permission permission) {
            // everything but an exit in a scope is permitted
        }

        @Override
        public void checkPermission(Permission permission, Object context) {
            // everything but an exit in a scope is permitted
        }

        @Override
        public void checkPackageAccess(String pkg) {
            // permitted; skips the JDK's list of restricted packages on every class load
        }

        @Override
        public void checkPackageDefinition(String pkg) {
            // permitted
        }
    }
}
