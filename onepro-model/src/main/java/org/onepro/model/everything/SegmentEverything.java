package org.onepro.model.everything;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.ProbabilityMap;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.Point;
import org.onepro.core.prompt.PromptedTemplate;
import org.onepro.core.result.SegmentationResult;
import org.onepro.model.segment.InteractiveSession;
import org.onepro.model.segment.Segmenter;

/**
 * Segment everything (as in segment-anything's automatic mask generator): a regular grid of single foreground
 * clicks on the template, each segmenting the query; masks are kept when the model's predicted IoU and the
 * mask's stability score reach their thresholds and the mask is not empty, then duplicates are removed by greedy
 * non-maximum suppression on mask IoU, best score (predicted IoU x stability) first.
 *
 * <p>{@link #run(Segmenter, Image)} clicks on the image it segments (interactive use, the usual case): one encoder
 * pass per click serves both sides ({@link InteractiveSession#segmentEach}). {@link #run(Segmenter, Image, Image)}
 * clicks on a template and segments another image: the query is encoded once for the whole grid
 * ({@link Segmenter#segmentEach}), and each click still needs its own template encoding, because the click reaches
 * the template encoder as prompt channels.
 *
 * <p>Instances are immutable and may be shared.
 */
public final class SegmentEverything {

    /** The probability map is thresholded at 0.5 - delta and 0.5 + delta for the stability score. */
    public static final double STABILITY_DELTA = 0.1;

    private final int grid;
    private final double iouThreshold;
    private final double stabilityThreshold;
    private final double nmsIou;
    private final int batch;

    private SegmentEverything(Builder b) {
        this.grid = b.grid;
        this.iouThreshold = b.iouThreshold;
        this.stabilityThreshold = b.stabilityThreshold;
        this.nmsIou = b.nmsIou;
        this.batch = b.batch;
    }

    /**
     * Starts a configuration with the defaults: a 32 x 32 grid, predicted IoU at least 0.5, stability at least
     * 0.8, suppression above mask IoU 0.7, 8 clicks per model call. The IoU threshold is lower than
     * segment-anything's because our IoU head is calibrated on our own, weaker masks (docs/design-decisions.md).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Finds every target the model sees on {@code image} from a grid of clicks on that image.
     *
     * @param segmenter the model
     * @param image     the image to click on and segment
     * @return the kept masks at the image's size, highest score first, no two with mask IoU above the NMS limit
     * @throws InvalidInputException for missing arguments or an image the model cannot take
     */
    public List<ScoredMask> run(Segmenter segmenter, Image image) {
        if (segmenter == null || image == null) {
            throw new InvalidInputException("segment everything needs a segmenter and an image");
        }
        List<Point> clicks = gridClicks(image.height(), image.width(), grid);
        List<Prompt> prompts = new ArrayList<>(clicks.size());
        for (Point p : clicks) {
            prompts.add(Click.foreground(p.x(), p.y()));
        }
        List<ScoredMask> candidates = new ArrayList<>();
        try (InteractiveSession session = segmenter.interactive(image)) {
            session.segmentEach(prompts, batch, (result, index) -> keep(candidates, result, clicks.get(index)));
        }
        return Collections.unmodifiableList(MaskNms.suppress(candidates, nmsIou));
    }

    /**
     * Finds every target the model sees on {@code query} from a grid of clicks on another image, {@code template}.
     *
     * @param segmenter the model
     * @param template  the image the grid of clicks is placed on
     * @param query     the image to segment
     * @return the kept masks at the query's size, highest score first, no two with mask IoU above the NMS limit
     * @throws InvalidInputException for missing arguments or images whose channel counts differ
     */
    public List<ScoredMask> run(Segmenter segmenter, Image template, Image query) {
        if (segmenter == null || template == null || query == null) {
            throw new InvalidInputException("segment everything needs a segmenter, a template and a query");
        }
        List<Point> clicks = gridClicks(template.height(), template.width(), grid);
        List<PromptedTemplate> templates = new ArrayList<>(clicks.size());
        for (Point p : clicks) {
            templates.add(new PromptedTemplate(template, Click.foreground(p.x(), p.y())));
        }
        List<ScoredMask> candidates = new ArrayList<>();
        segmenter.segmentEach(query, templates, batch, (result, index) -> keep(candidates, result, clicks.get(index)));
        return Collections.unmodifiableList(MaskNms.suppress(candidates, nmsIou));
    }

    private void keep(List<ScoredMask> candidates, SegmentationResult result, Point click) {
        ScoredMask m = score(result, click);
        if (m != null) {
            candidates.add(m);
        }
    }

    /** The candidate if it passes the thresholds and is not empty, else null. */
    private ScoredMask score(SegmentationResult result, Point click) {
        if (result.predictedIou() < iouThreshold || result.mask().isEmpty()) {
            return null;
        }
        double stability = stability(result.probabilities(), STABILITY_DELTA);
        if (stability < stabilityThreshold) {
            return null;
        }
        return new ScoredMask(result.mask(), result.predictedIou(), stability, click);
    }

    /**
     * The stability score of a probability map: IoU of the masks at {@code 0.5 + delta} and {@code 0.5 - delta}.
     * The first lies inside the second, so the IoU is a ratio of counts. A map with nothing above
     * {@code 0.5 - delta} has no mask to be stable and scores 0.
     *
     * @param map   the probabilities
     * @param delta the threshold offset, in {@code [0, 0.5)}
     * @return the score in {@code [0, 1]}
     */
    static double stability(ProbabilityMap map, double delta) {
        float[] p = map.data();
        double high = 0.5 + delta;
        double low = 0.5 - delta;
        int inner = 0;
        int outer = 0;
        for (float v : p) {
            if (v >= high) {
                inner++;
            }
            if (v >= low) {
                outer++;
            }
        }
        return outer == 0 ? 0.0 : (double) inner / outer;
    }

    /**
     * Click positions at the centres of a {@code perSide x perSide} grid of equal cells over the image, row by
     * row (pixel {@code (i, j)} is centred on coordinate {@code (i, j)}).
     *
     * @param height  image rows
     * @param width   image columns
     * @param perSide cells per side
     * @return {@code perSide^2} points inside the image
     */
    static List<Point> gridClicks(int height, int width, int perSide) {
        List<Point> out = new ArrayList<>(perSide * perSide);
        for (int row = 0; row < perSide; row++) {
            double y = Math.min(height - 1, Math.max(0, (row + 0.5) * height / perSide - 0.5));
            for (int col = 0; col < perSide; col++) {
                double x = Math.min(width - 1, Math.max(0, (col + 0.5) * width / perSide - 0.5));
                out.add(new Point(x, y));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "SegmentEverything[grid=" + grid + "x" + grid + ", iou>=" + iouThreshold + ", stability>="
                + stabilityThreshold + ", nms>" + nmsIou + ", batch=" + batch + "]";
    }

    /** Configures a {@link SegmentEverything}; every option has a default. */
    public static final class Builder {

        private int grid = 32;
        private double iouThreshold = 0.5;
        private double stabilityThreshold = 0.8;
        private double nmsIou = 0.7;
        private int batch = 8;

        private Builder() {
        }

        /**
         * Sets the clicks per side of the grid (default 32, so 1,024 clicks).
         *
         * @param perSide at least 1
         * @return this builder
         * @throws InvalidInputException if below 1
         */
        public Builder optGrid(int perSide) {
            if (perSide < 1) {
                throw new InvalidInputException("the click grid needs at least 1 click per side, got " + perSide);
            }
            this.grid = perSide;
            return this;
        }

        /**
         * Sets the lowest predicted IoU a mask may have (default 0.5).
         *
         * @param threshold in {@code [0, 1]}
         * @return this builder
         * @throws InvalidInputException if outside {@code [0, 1]}
         */
        public Builder optIouThreshold(double threshold) {
            this.iouThreshold = unit("predicted IoU threshold", threshold);
            return this;
        }

        /**
         * Sets the lowest stability score a mask may have (default 0.8).
         *
         * @param threshold in {@code [0, 1]}
         * @return this builder
         * @throws InvalidInputException if outside {@code [0, 1]}
         */
        public Builder optStabilityThreshold(double threshold) {
            this.stabilityThreshold = unit("stability threshold", threshold);
            return this;
        }

        /**
         * Sets the mask IoU above which a lower-scoring mask counts as a duplicate (default 0.7).
         *
         * @param maxIou in {@code [0, 1]}
         * @return this builder
         * @throws InvalidInputException if outside {@code [0, 1]}
         */
        public Builder optNmsIou(double maxIou) {
            this.nmsIou = unit("NMS IoU", maxIou);
            return this;
        }

        /**
         * Sets how many clicks go through the model per call (default 8). On a 2-core CPU, 8 measured fastest per
         * click (26 ms with {@code small}) and 16 four times slower (docs/benchmarks.md).
         *
         * @param clicks at least 1
         * @return this builder
         * @throws InvalidInputException if below 1
         */
        public Builder optBatch(int clicks) {
            if (clicks < 1) {
                throw new InvalidInputException("the batch needs at least 1 click, got " + clicks);
            }
            this.batch = clicks;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return an immutable {@link SegmentEverything}
         */
        public SegmentEverything build() {
            return new SegmentEverything(this);
        }

        private static double unit(String what, double v) {
            if (!(v >= 0 && v <= 1)) {
                throw new InvalidInputException(what + " must lie in [0, 1], got " + v);
            }
            return v;
        }
    }
}
