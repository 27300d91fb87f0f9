package org.onepro.app.eval;

import java.nio.charset.StandardCharsets;

/**
 * Derives the seeds of an evaluation's random choices from the user's {@code --seed} and names (task, label,
 * template), by FNV-1a over the names' UTF-8 bytes. Unlike {@code hashCode} mixes this is fixed by this class
 * alone, so a seed chooses the same templates and prompts on every machine, Java version and run, and adding a
 * task to a folder does not change the choices made for the others.
 */
final class Seeds {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Seeds() {
    }

    /** A seed for the choice named by {@code parts} under the user's {@code seed}. */
    static long of(long seed, Object... parts) {
        long h = OFFSET;
        for (int shift = 0; shift < 64; shift += 8) {
            h = (h ^ ((seed >>> shift) & 0xff)) * PRIME;
        }
        for (Object part : parts) {
            for (byte b : String.valueOf(part).getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ (b & 0xff)) * PRIME;
            }
            // A separator keeps ("ab", "c") and ("a", "bc") apart.
            h = (h ^ 0x1f) * PRIME;
        }
        return h;
    }
}
