package org.onepro.model.volume;

import java.util.ArrayList;
import java.util.List;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.result.SegmentationResult;
import org.onepro.core.volume.Volume;
import org.onepro.core.volume.VolumeSlicer;
import org.onepro.model.segment.PreparedTemplate;
import org.onepro.model.segment.Segmenter;

/**
 * Segments a 3-D volume slice by slice from one prompted 2-D template slice (of the same volume or another):
 * the template is encoded once ({@link PreparedTemplate}) and the slices go through the model in batches. The
 * result is a label volume (1 target, 0 background; NIfTI datatype uint8) with the query's exact geometry
 * (dimensions, affine, spacing), so {@code NiftiIO.write} gives a mask that overlays the input in any viewer.
 *
 * <p>Slices are cut in the orientation the training data used ({@link VolumeSlicer}; its {@link VolumeSlicer#image} cuts a template slice). Each slice is normalised on its own, like a training slice.
 */
public final class VolumeSegmentation {

    /** Slices per model call: enough to amortise per-call overhead while keeping native memory small. */
    public static final int BATCH = 8;

    /** NIfTI datatype code of the label volume (uint8). */
    public static final int LABEL_DATATYPE = 2;

    private VolumeSegmentation() {
    }

    /**
     * Segments every slice of {@code query} along {@code axis}.
     *
     * @param s             the model
     * @param query         the volume to segment
     * @param axis          0 (sagittal, x), 1 (coronal, y) or 2 (axial, z)
     * @param templateSlice the template image, for example {@link VolumeSlicer#image} of a volume; grey, as slices are
     * @param prompt        the prompt on the template slice
     * @param progress      told after each slice, in order; may be null
     * @return a label volume of 0 and 1 with the query's dimensions, affine and spacing
     * @throws InvalidInputException for a bad axis, a missing argument, or a prompt or template the segmenter
     *     rejects (a multi-channel template, a prompt outside the template)
     */
    public static Volume segment(Segmenter s, Volume query, int axis, Image templateSlice, Prompt prompt,
                                 ProgressListener progress) {
        VolumeSlicer.checkAxis(axis);
        if (s == null || query == null || templateSlice == null || prompt == null) {
            throw new InvalidInputException("volume segmentation needs a segmenter, a query volume, a template "
                    + "slice and a prompt");
        }
        if (templateSlice.channels() != 1) {
            throw new InvalidInputException("the template slice has " + templateSlice.channels()
                    + " channels but volume slices are grey (1 channel)");
        }
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        int total = VolumeSlicer.count(query, axis);
        float[] labels = new float[query.nx() * query.ny() * query.nz()];
        try (PreparedTemplate prepared = s.prepare(templateSlice, prompt)) {
            for (int start = 0; start < total; start += BATCH) {
                int end = Math.min(total, start + BATCH);
                List<Image> slices = new ArrayList<>(end - start);
                for (int i = start; i < end; i++) {
                    slices.add(VolumeSlicer.image(query, axis, i));
                }
                List<SegmentationResult> results = prepared.segment(slices);
                for (int i = start; i < end; i++) {
                    VolumeSlicer.put(labels, query, axis, i, results.get(i - start).mask());
                    listener.slice(i + 1, total);
                }
            }
        }
        return query.withData(labels, LABEL_DATATYPE);
    }
}
