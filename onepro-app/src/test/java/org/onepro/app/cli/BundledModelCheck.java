package org.onepro.app.cli;

import java.io.IOException;
import org.onepro.model.segment.Segmenter;

/** Whether this build carries a loadable bundled default model; tests that need it skip otherwise. */
final class BundledModelCheck {

    private static Boolean loadable;

    private BundledModelCheck() {
    }

    static synchronized boolean loadable() {
        if (loadable == null) {
            try (Segmenter s = Segmenter.pretrained()) {
                loadable = true;
            } catch (IOException | RuntimeException e) {
                loadable = false;
            }
        }
        return loadable;
    }
}
