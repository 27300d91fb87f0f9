package org.onepro.core.prompt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;

class SegLabTest {

    private static Mask onePixel(int height, int width) {
        boolean[] d = new boolean[height * width];
        d[0] = true;
        return Mask.of(d, height, width);
    }

    @Test
    void matchingMaskValidates() {
        SegLab prompt = SegLab.of(onePixel(32, 32));

        assertEquals(PromptType.SEGLAB, prompt.type());
        assertEquals(onePixel(32, 32), prompt.mask());
        assertDoesNotThrow(() -> prompt.validate(32, 32));
    }

    @Test
    void emptyMaskIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SegLab.of(Mask.empty(8, 8)));
        assertTrue(e.getMessage().startsWith("SegLab mask is empty"), e.getMessage());
    }

    @Test
    void sizeMismatchNamesBothSizes() {
        SegLab prompt = SegLab.of(onePixel(30, 40));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> prompt.validate(32, 32));
        assertTrue(e.getMessage().startsWith("SegLab mask is 30x40 but the image is 32x32"), e.getMessage());
    }
}
