package org.onepro.classic.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.onepro.classic.Scenes;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.metric.SegmentationMetrics;

class RegistrationTest {

    @Test
    void aShiftedAndScaledTargetIsFoundWherePastingMissesIt() {
        Mask templateMask = Scenes.ellipse(96, 112, 40, 40, 18, 12);
        Mask queryMask = Scenes.ellipse(96, 112, 66, 56, 22, 15);
        Image template = Scenes.picture(templateMask, 0.05, 1);
        Image query = Scenes.picture(queryMask, 0.05, 2);
        double pasted = SegmentationMetrics.dice(templateMask, queryMask);
        Mask affine = Registration.register(template, query, Registration.Settings.DEFAULT.affineOnly())
                .warp(templateMask);
        Mask full = Registration.register(template, query, Registration.Settings.DEFAULT).warp(templateMask);
        assertTrue(pasted < 0.3, "the scene is built so that pasting fails: " + pasted);
        assertTrue(SegmentationMetrics.dice(affine, queryMask) > 0.9, "affine " + SegmentationMetrics.dice(affine,
                queryMask));
        assertTrue(SegmentationMetrics.dice(full, queryMask) > 0.9, "with demons " + SegmentationMetrics.dice(full,
                queryMask));
    }

    @Test
    void demonsBendTheMaskWhereNoAffineMapFits() {
        // Two targets that move apart: one affine map cannot move both onto the query's, a smooth field can.
        Mask templateMask = union(Scenes.ellipse(96, 96, 36, 48, 9, 9), Scenes.ellipse(96, 96, 60, 48, 9, 9));
        Mask queryMask = union(Scenes.ellipse(96, 96, 30, 40, 9, 9), Scenes.ellipse(96, 96, 66, 56, 9, 9));
        Image template = Scenes.picture(templateMask, 0.02, 3);
        Image query = Scenes.picture(queryMask, 0.02, 4);
        double affine = SegmentationMetrics.dice(Registration.register(template, query,
                Registration.Settings.DEFAULT.affineOnly()).warp(templateMask), queryMask);
        double demons = SegmentationMetrics.dice(Registration.register(template, query,
                Registration.Settings.DEFAULT).warp(templateMask), queryMask);
        assertTrue(demons > affine + 0.05, "demons " + demons + " against affine " + affine);
    }

    @Test
    void imagesOfDifferentSizesMapOntoEachOther() {
        Mask small = Scenes.ellipse(48, 64, 32, 24, 12, 8);
        Mask large = Scenes.ellipse(96, 128, 64, 48, 24, 16);
        Warp w = Registration.register(Scenes.picture(small, 0.02, 5), Scenes.picture(large, 0.02, 6),
                Registration.Settings.DEFAULT);
        Mask carried = w.warp(small);
        assertEquals(96, carried.height());
        assertEquals(128, carried.width());
        assertTrue(SegmentationMetrics.dice(carried, large) > 0.9);
        assertThrows(InvalidInputException.class, () -> w.warp(large), "a mask at the query's size is refused");
    }

    @Test
    void tooSmallImagesAreRefused() {
        Image one = Image.of(new float[] {1}, 1, 1, 1);
        Image ok = Scenes.picture(Scenes.ellipse(16, 16, 8, 8, 4, 4), 0, 1);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Registration.register(one, ok, Registration.Settings.DEFAULT));
        assertTrue(e.getMessage().contains("at least 2x2"), e.getMessage());
    }

    private static Mask union(Mask a, Mask b) {
        boolean[] out = new boolean[a.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.data()[i] || b.data()[i];
        }
        return Mask.of(out, a.height(), a.width());
    }
}
