package org.amplify.models;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells glibc's allocator to keep the memory PyTorch frees for the next training step instead of
 * handing it back to the kernel. A training step allocates and frees tens of megabytes of tensors;
 * by default glibc returns the freed top of its heaps ({@code madvise(MADV_DONTNEED)}) every few
 * steps, and every page of it then faults in again on the next step. On the virtual machines this
 * project runs on a page fault costs about 14 µs (measured: 100 MB touched page by page), so X spent
 * 1–5 ms of a 20–40 ms step in page faults, varying from step to step. With these settings a
 * process keeps up to {@value #TRIM_THRESHOLD_BYTES} bytes of freed memory per heap; that is the
 * price, and it is small next to a trained model's working set.
 *
 * <p>Only on Linux with glibc; elsewhere, or where the call fails, nothing changes (and training is
 * just slower).
 */
final class NativeMemory {

    private static final Logger log = LoggerFactory.getLogger(NativeMemory.class);

    /** glibc's {@code mallopt} parameters (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;

    static final int TRIM_THRESHOLD_BYTES = 256 << 20;
    private static final int TOP_PAD_BYTES = 16 << 20;
    /** glibc's largest: allocations above it still get (and give back) their own mapping. */
    private static final int MMAP_THRESHOLD_BYTES = 32 << 20;

    private static volatile boolean done;

    private NativeMemory() {
    }

    private interface C extends Library {
        int mallopt(int parameter, int value);
    }

    /** Applies the settings once per process; later calls do nothing. */
    static void retainFreedMemory() {
        if (done) {
            return;
        }
        synchronized (NativeMemory.class) {
            if (done) {
                return;
            }
            done = true;
            if (!Platform.isLinux()) {
                return;
            }
            try {
                C c = Native.load("c", C.class);
                boolean applied = c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1
                        & c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES) == 1
                        & c.mallopt(M_TOP_PAD, TOP_PAD_BYTES) == 1;
                log.debug("glibc keeps freed memory for the models' steps: {}", applied);
            } catch (LinkageError | RuntimeException e) {
                log.debug("could not tune glibc's allocator ({}); training runs at its default", e.toString());
            }
        }
    }
}
