package org.onepro.model.segment;

import org.onepro.core.mask.ProbabilityMap;
import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.Prompt;

/**
 * A box drawn on the image being segmented says the target lies inside it, so in interactive use the probability
 * of every pixel outside the box is 0. A box on a template says nothing about where the target lies in another
 * image, so one-shot results are left alone.
 */
final class BoxLocality {

    private BoxLocality() {
    }

    /**
     * Applies the box of an interactive prompt.
     *
     * @param map    the probabilities at the image's size
     * @param prompt the prompt on that same image
     * @return {@code map} itself for prompts other than a box, else a copy that is 0 outside the box
     */
    static ProbabilityMap apply(ProbabilityMap map, Prompt prompt) {
        if (!(prompt instanceof BBox box)) {
            return map;
        }
        int h = map.height();
        int w = map.width();
        float[] p = map.data();
        for (int y = 0; y < h; y++) {
            // Half a pixel of slack: a box is drawn either through the centres of its edge pixels or around them.
            boolean rowInside = y >= box.y0() - 0.5 && y <= box.y1() + 0.5;
            for (int x = 0; x < w; x++) {
                if (!rowInside || x < box.x0() - 0.5 || x > box.x1() + 0.5) {
                    p[y * w + x] = 0f;
                }
            }
        }
        return ProbabilityMap.of(p, h, w);
    }
}
