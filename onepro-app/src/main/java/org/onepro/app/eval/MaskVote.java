package org.onepro.app.eval;

import java.util.List;
import org.onepro.core.mask.Mask;

/** The majority of several masks of one size: a pixel is set where at least half of them set it. */
final class MaskVote {

    private MaskVote() {
    }

    /** The majority mask; a single mask is returned as it is. */
    static Mask of(List<Mask> masks) {
        if (masks.size() == 1) {
            return masks.get(0);
        }
        int height = masks.get(0).height();
        int width = masks.get(0).width();
        int[] votes = new int[height * width];
        for (Mask m : masks) {
            boolean[] r = m.data();
            for (int i = 0; i < r.length; i++) {
                if (r[i]) {
                    votes[i]++;
                }
            }
        }
        boolean[] out = new boolean[votes.length];
        for (int i = 0; i < votes.length; i++) {
            out[i] = 2 * votes[i] >= masks.size();
        }
        return Mask.of(out, height, width);
    }
}
