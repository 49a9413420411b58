package sluice.kernel;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What the kernel weaves into the classes of Java cells as JShell loads them, so that no cell can
 * take the session down. A stop check at the start of each method and before each backward jump
 * ends a busy loop when the cell is interrupted, on every JDK: {@code Thread.stop} is gone from
 * Java 20 on, and JShell's own {@code LocalExecutionControl} weaves the same check for the same
 * reason. Calls of {@code System.exit} and {@code Runtime.exit/halt} are refused with a message
 * instead of ending the kernel. A cell that fills the heap is stopped at the same checks with an
 * {@link OutOfMemoryError} while the kernel's own threads still find memory (a heap exhausted to the
 * last byte fails them too, and with them the cell's reply). Public because the cells' classes call it.
 */
public final class CellGuard {
    private static final String SELF = "sluice/kernel/CellGuard";
    private static volatile boolean stopping;
    private static volatile boolean heapFull;
    private static volatile String heapFullMessage;
    private static final AtomicBoolean WATCHING = new AtomicBoolean();
    private static final AtomicBoolean COLLECTING = new AtomicBoolean();

    private CellGuard() {
    }

    /** Thrown into a cell that was interrupted; as an Error, a cell's {@code catch (Exception e)} lets it through. */
    static final class Stopped extends Error {
        Stopped() {
            super("interrupted", null, false, false);
        }
    }

    /** Thrown where a cell calls System.exit; the kernel shows its message as one line. */
    public static final class ExitRefused extends RuntimeException {
        ExitRefused(int status) {
            super("System.exit(" + status + ") was called; the kernel keeps running. Restart it from the menu "
                    + "(Kernel > Restart) to start over.", null, false, false);
        }
    }

    /** Called by woven code: ends the cell's thread once an interrupt was asked for. */
    public static void check() {
        if (stopping) {
            throw new Stopped();
        }
        if (heapFull) {
            heapFull = false;
            throw new OutOfMemoryError(heapFullMessage);
        }
    }

    /**
     * Watches every collection: once a full one leaves the heap fuller than all but its last 10% (at
     * least 32 MB), the running cell's next check ends it with an OutOfMemoryError, so the memory it
     * held is garbage and the kernel's threads can still send its reply. A young or concurrent
     * collection, or a pool's threshold, that finds the heap that full only asks for a full collection
     * to tell live data from garbage: G1 leaves the garbage of an earlier cell's humongous arrays in
     * the old generation, which a young collection counts as in use. (A pool's collection-usage
     * threshold alone is not enough: on Java 17, G1 updates it too late to win the race.)
     */
    static void watchHeap() {
        long max = Runtime.getRuntime().maxMemory();
        // Once per JVM, however many kernels it makes (the tests make several).
        if (max == Long.MAX_VALUE || !WATCHING.compareAndSet(false, true)) {
            return;
        }
        long threshold = max - Math.max(max / 10, 32L << 20);
        NotificationListener listener = (notification, handback) -> {
            if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
            if (used <= threshold) {
                return;
            }
            if (info.getGcAction().contains("major") || info.getGcName().contains("Major")) {
                stopForHeap(used, max);
            } else {
                collectToTell();
            }
        };
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
        // And the old generation's own threshold, which Java 25's G1 reports sooner than its collections.
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported() && pool.getUsage().getMax() == max) {
                pool.setCollectionUsageThreshold(threshold);
            }
            if (pool.getType() == MemoryType.HEAP && pool.isUsageThresholdSupported() && pool.getUsage().getMax() == max) {
                pool.setUsageThreshold(threshold);
            }
        }
        ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener((notification, handback) -> {
            if (notification.getType().equals(MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED)
                    || notification.getType().equals(MemoryNotificationInfo.MEMORY_THRESHOLD_EXCEEDED)) {
                collectToTell();
            }
        }, null, null);
    }

    /** The heap looks full, perhaps of garbage: a full collection tells which, and its notification decides. */
    private static void collectToTell() {
        if (!COLLECTING.compareAndSet(false, true)) {
            return;
        }
        Thread collect = new Thread(() -> {
            try {
                System.gc();
            } finally {
                COLLECTING.set(false);
            }
        }, "sluice-heap-check");
        collect.setDaemon(true);
        collect.start();
    }

    private static void stopForHeap(long used, long max) {
        heapFullMessage = "the cell filled the heap (" + (used >> 20) + " of " + (max >> 20) + " MB still in use after a"
                + " collection) and was stopped so that the kernel keeps running; keep less in memory, or install"
                + " the kernel with more heap (install.sh --jvm-opt -Xmx8g)";
        heapFull = true;
    }

    /** Woven in place of {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new ExitRefused(status);
    }

    /** Woven in place of {@code Runtime.exit(status)} and {@code Runtime.halt(status)}. */
    public static void exit(Runtime runtime, int status) {
        throw new ExitRefused(status);
    }

    /** Asks the running cell's woven code to stop (true), or clears that for the next cell (false). */
    static void stopping(boolean stop) {
        stopping = stop;
        heapFull = false;
    }

    /** The class file with the stop checks and the exit guard woven in. */
    static byte[] weave(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        // The woven calls take and leave nothing on the stack, so the frames stay valid; only the
        // maximum stack may grow (by nothing, but COMPUTE_MAXS keeps it right whatever ASM sees).
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                return method == null ? null : new Weaver(method);
            }
        }, 0);
        return writer.toByteArray();
    }

    private static final class Weaver extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();

        Weaver(MethodVisitor method) {
            super(Opcodes.ASM9, method);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            check();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                check();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && name.equals("exit")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, SELF, "exit", "(I)V", false);
            } else if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")
                    && (name.equals("exit") || name.equals("halt"))) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, SELF, "exit", "(Ljava/lang/Runtime;I)V", false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        private void check() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, SELF, "check", "()V", false);
        }
    }
}
