package org.onepro.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;

class PromptedTemplateTest {

    private static final Image TEMPLATE = Image.of(new float[20 * 30], 1, 20, 30);

    @Test
    void holdsAPromptThatFits() {
        Click click = Click.foreground(29, 19);
        PromptedTemplate t = PromptedTemplate.of(TEMPLATE, click);
        assertSame(TEMPLATE, t.template());
        assertSame(click, t.prompt());
    }

    @Test
    void aPromptOutsideTheTemplateIsRejectedNamingTheTemplateSize() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new PromptedTemplate(TEMPLATE, new BBox(2, 2, 35, 10)));
        assertTrue(e.getMessage().contains("20x30"), e.getMessage());
        assertTrue(e.getMessage().contains("BBOX"), e.getMessage());
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        InvalidInputException mask = assertThrows(InvalidInputException.class,
                () -> new PromptedTemplate(TEMPLATE, SegLab.of(Mask.of(new boolean[] {true}, 1, 1))));
        assertTrue(mask.getMessage().contains("1x1"), mask.getMessage());
    }

    @Test
    void missingPartsAreRejected() {
        InvalidInputException noPrompt = assertThrows(InvalidInputException.class,
                () -> new PromptedTemplate(TEMPLATE, null));
        assertTrue(noPrompt.getMessage().contains("prompt is missing"), noPrompt.getMessage());
        assertThrows(InvalidInputException.class, () -> new PromptedTemplate(null, Click.foreground(1, 1)));
        assertEquals(new PromptedTemplate(TEMPLATE, Click.foreground(1, 1)),
                new PromptedTemplate(TEMPLATE, Click.foreground(1, 1)));
    }
}
