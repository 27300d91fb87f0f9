package org.onepro.model.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Enforces docs/engine-notes.md §4.1: model and training code must not pass a Java {@code Number} to
 * NDArray's mul/div/pow/maximum/minimum (the JVM may free the wrapped buffer before backward reads
 * it). The check reads the compiled classes' constant pools, so it sees every call site exactly,
 * whatever the source looks like.
 */
public class ScalarOperandRuleTest {

    static final Set<String> FORBIDDEN = Set.of("mul", "div", "pow", "maximum", "minimum", "muli", "divi", "powi",
            "rdiv", "rdivi", "rpow", "rpowi");

    @Test
    void noNumberOperandsReachScalarSensitiveOps() throws IOException {
        List<String> violations = violations(Paths.get("target/classes"));
        assertTrue(violations.isEmpty(), "use Scalars.of(...) instead of Number operands:\n" + String.join("\n", violations));
    }

    /**
     * Every forbidden call in the classes under a folder, as {@code class calls method}.
     *
     * @throws IllegalStateException if the folder holds fewer than 10 classes (a wrong path would pass vacuously)
     */
    public static List<String> violations(Path root) throws IOException {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                checked++;
                for (String ref : numberCalls(f)) {
                    violations.add(root.relativize(f) + " calls " + ref);
                }
            }
        }
        if (checked < 10) {
            throw new IllegalStateException("expected compiled classes under " + root + ", found " + checked);
        }
        return violations;
    }

    @Test
    void theCheckFindsAForbiddenCall() throws IOException {
        Path self = Paths.get("target/test-classes/org/onepro/model/rules/ScalarOperandRuleTest$Offender.class");
        assertTrue(numberCalls(self).contains("ai/djl/ndarray/NDArray.mul(Ljava/lang/Number;)Lai/djl/ndarray/NDArray;"),
                "the rule must detect NDArray.mul(Number)");
    }

    /** A deliberate offender so the rule is shown to detect what it forbids. */
    static final class Offender {
        static ai.djl.ndarray.NDArray twice(ai.djl.ndarray.NDArray x) {
            return x.mul(2);
        }
    }

    /** The forbidden NDArray/NDArrays method references in a class file's constant pool. */
    public static List<String> numberCalls(Path classFile) throws IOException {
        try (InputStream raw = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(raw)) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            Object[] pool = new Object[count];
            int[][] refs = new int[count][];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> pool[i] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> refs[i] = new int[] {tag, in.readUnsignedShort()};
                    case 9, 10, 11, 12, 17, 18 -> refs[i] = new int[] {tag, in.readUnsignedShort(), in.readUnsignedShort()};
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IOException(classFile + ": unknown constant tag " + tag);
                }
            }
            List<String> found = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                if (refs[i] == null || (refs[i][0] != 10 && refs[i][0] != 11)) {
                    continue;
                }
                String owner = (String) pool[refs[refs[i][1]][1]];
                int[] nameAndType = refs[refs[i][2]];
                String name = (String) pool[nameAndType[1]];
                String descriptor = (String) pool[nameAndType[2]];
                boolean ndarray = owner.equals("ai/djl/ndarray/NDArray") || owner.equals("ai/djl/ndarray/NDArrays")
                        || owner.startsWith("ai/djl/pytorch/engine/PtNDArray");
                if (ndarray && FORBIDDEN.contains(name) && descriptor.contains("Ljava/lang/Number;")) {
                    found.add(owner + "." + name + descriptor);
                }
            }
            return found;
        }
    }
}
