package org.onepro.app.eval;

import org.onepro.classic.box.BoxFill;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.Prompt;

/** The interactive box floor ({@code --interactive --prompt bbox --baseline box-fill}): the inscribed ellipse. */
public final class BoxFillBaseline implements InteractivePredictor {

    @Override
    public Mask predict(Image image, Prompt prompt) {
        if (!(prompt instanceof BBox box)) {
            throw new InvalidInputException("the box-fill floor needs a box prompt, got " + prompt.type());
        }
        return BoxFill.ellipse(box, image.height(), image.width());
    }
}
