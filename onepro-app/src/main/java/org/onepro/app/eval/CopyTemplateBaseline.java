package org.onepro.app.eval;

import java.util.List;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.PromptedTemplate;

/**
 * The floor an evaluation should beat ({@code --baseline copy-template}): no model, the template's mask of the
 * target resized to the query (nearest neighbour) is the prediction. With several templates each pixel takes the
 * majority of their resized masks (at least half, the same 0.5 threshold as the model's ensemble).
 */
public final class CopyTemplateBaseline implements Predictor {

    @Override
    public Target target(List<PromptedTemplate> templates, List<Mask> masks) {
        List<Mask> copies = List.copyOf(masks);
        return new Target() {
            @Override
            public Mask predict(Image query) {
                return MaskVote.of(copies.stream().map(m -> m.resizeNearest(query.height(), query.width())).toList());
            }

            @Override
            public void close() {
                // Nothing is held but the masks.
            }
        };
    }
}
