package org.onepro.model.everything;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.onepro.core.mask.Mask;

/**
 * Greedy non-maximum suppression by mask IoU: masks in descending score order, each kept unless its IoU with an
 * already kept mask exceeds the limit. Masks are packed into bit words with their bounding boxes, so a pair that
 * cannot overlap (disjoint boxes) or cannot reach the limit (too different in size) costs nothing, and the rest
 * costs one AND and bit count per 64 pixels: a 32 x 32 grid's thousand candidates stay fast.
 */
final class MaskNms {

    private MaskNms() {
    }

    /**
     * Sorts by {@link ScoredMask#score()} (highest first; ties keep input order) and suppresses duplicates.
     *
     * @param masks   candidates, all the same size
     * @param maxIou  a mask whose IoU with a kept one is above this is dropped
     * @return the kept masks, highest score first
     */
    static List<ScoredMask> suppress(List<ScoredMask> masks, double maxIou) {
        List<ScoredMask> sorted = new ArrayList<>(masks);
        sorted.sort(Comparator.comparingDouble(ScoredMask::score).reversed());
        List<ScoredMask> kept = new ArrayList<>();
        List<Packed> keptPacked = new ArrayList<>();
        for (ScoredMask candidate : sorted) {
            Packed p = new Packed(candidate.mask());
            boolean duplicate = false;
            for (Packed k : keptPacked) {
                if (p.iouAbove(k, maxIou)) {
                    duplicate = true;
                    break;
                }
            }
            if (!duplicate) {
                kept.add(candidate);
                keptPacked.add(p);
            }
        }
        return kept;
    }

    /** IoU of two masks of the same size; two empty masks count as identical. */
    static double iou(Mask a, Mask b) {
        Packed pa = new Packed(a);
        Packed pb = new Packed(b);
        int inter = pa.intersection(pb);
        int union = pa.count + pb.count - inter;
        return union == 0 ? 1.0 : (double) inter / union;
    }

    /** A mask as rows of 64-bit words, with its foreground count and bounding rows and word columns. */
    private static final class Packed {

        final int wordsPerRow;
        final long[] bits;
        final int count;
        int rowMin;
        int rowMax = -1;
        int wordMin;
        int wordMax = -1;

        Packed(Mask mask) {
            int height = mask.height();
            int width = mask.width();
            wordsPerRow = (width + 63) / 64;
            bits = new long[height * wordsPerRow];
            boolean[] data = mask.data();
            int n = 0;
            rowMin = height;
            wordMin = wordsPerRow;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (data[y * width + x]) {
                        bits[y * wordsPerRow + x / 64] |= 1L << (x % 64);
                        n++;
                        rowMin = Math.min(rowMin, y);
                        rowMax = Math.max(rowMax, y);
                        wordMin = Math.min(wordMin, x / 64);
                        wordMax = Math.max(wordMax, x / 64);
                    }
                }
            }
            count = n;
        }

        boolean iouAbove(Packed other, double maxIou) {
            int small = Math.min(count, other.count);
            int large = Math.max(count, other.count);
            // IoU can be at most |small| / |large|; below the limit no pixel needs looking at.
            if (large == 0 || (double) small / large <= maxIou) {
                return large == 0 && 1.0 > maxIou;
            }
            int inter = intersection(other);
            return (double) inter / (count + other.count - inter) > maxIou;
        }

        int intersection(Packed other) {
            int r0 = Math.max(rowMin, other.rowMin);
            int r1 = Math.min(rowMax, other.rowMax);
            int w0 = Math.max(wordMin, other.wordMin);
            int w1 = Math.min(wordMax, other.wordMax);
            int n = 0;
            for (int y = r0; y <= r1; y++) {
                int base = y * wordsPerRow;
                for (int w = w0; w <= w1; w++) {
                    n += Long.bitCount(bits[base + w] & other.bits[base + w]);
                }
            }
            return n;
        }
    }
}
