package org.onepro.app.eval;

import java.util.ArrayList;
import java.util.List;
import org.onepro.classic.registration.Registration;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.PromptedTemplate;

/**
 * The registration floor ({@code --baseline registration}): each template registered onto the query (affine, then
 * demons; {@link Registration}) and its mask warped there, nearest neighbour; with several templates the majority
 * of the warped masks.
 */
public final class RegistrationBaseline implements Predictor {

    private final Registration.Settings settings;

    /**
     * A registration floor.
     *
     * @param settings how to register
     */
    public RegistrationBaseline(Registration.Settings settings) {
        this.settings = settings;
    }

    @Override
    public Target target(List<PromptedTemplate> templates, List<Mask> masks) {
        List<Image> images = templates.stream().map(PromptedTemplate::template).toList();
        List<Mask> copies = List.copyOf(masks);
        return new Target() {
            @Override
            public Mask predict(Image query) {
                List<Mask> warped = new ArrayList<>();
                for (int i = 0; i < images.size(); i++) {
                    warped.add(Registration.register(images.get(i), query, settings).warp(copies.get(i)));
                }
                return MaskVote.of(warped);
            }

            @Override
            public void close() {
                // Nothing native is held.
            }
        };
    }
}
