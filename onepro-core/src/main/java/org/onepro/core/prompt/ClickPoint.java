package org.onepro.core.prompt;

import java.util.Objects;

/**
 * One clicked point, marking either the target (foreground) or something that is not the target (background).
 *
 * @param point      where the user clicked
 * @param foreground {@code true} for a positive click on the target
 */
public record ClickPoint(Point point, boolean foreground) {

    /**
     * Rejects a missing point.
     *
     * @param point      where the user clicked
     * @param foreground whether the click marks the target
     * @throws NullPointerException if {@code point} is null
     */
    public ClickPoint {
        Objects.requireNonNull(point, "point");
    }
}
