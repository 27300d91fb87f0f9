package org.onepro.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.onepro.core.image.Image;
import org.onepro.core.prompt.PromptedTemplate;
import org.onepro.core.volume.Volume;
import org.onepro.dicom.VolumeFiles;
import org.onepro.model.segment.Segmenter;
import org.onepro.model.volume.ProgressListener;
import org.onepro.model.volume.VolumeSegmentation;

/**
 * One volume query of {@code onepro segment} (NIfTI or DICOM): segmented slice by slice from a 2-D template, with
 * progress printed about every tenth of the volume, and written as a uint8 label volume with the input's geometry.
 */
final class VolumeQuery {

    private VolumeQuery() {
    }

    static void segment(Segmenter segmenter, Path file, PromptedTemplate template, int axis, SegmentOutputs files,
            PrintWriter console) {
        Volume volume = VolumeFiles.read(file);
        // Volume slices are grey; an RGB template (a screenshot of a slice) is averaged to match them.
        Image slice = template.template().channels() == 1 ? template.template() : template.template().withChannels(1);
        console.printf(Locale.ROOT, "%s: %dx%dx%d voxels, slicing along axis %d%n", file, volume.nx(), volume.ny(),
                volume.nz(), axis);
        console.flush();
        // An error names the slice; the segment command adds the file.
        Volume labels = VolumeSegmentation.segment(segmenter, volume, axis, slice, template.prompt(),
                progress(console));
        long voxels = 0;
        for (float v : labels.data()) {
            if (v != 0) {
                voxels++;
            }
        }
        Path written = files.volumeMask(InputFiles.baseName(file), labels);
        console.printf(Locale.ROOT, "%s: %d foreground voxels -> %s%n", file, voxels, written);
        console.flush();
    }

    private static ProgressListener progress(PrintWriter console) {
        return (done, total) -> {
            int step = Math.max(1, total / 10);
            if (done % step == 0 || done == total) {
                console.printf("  slice %d/%d%n", done, total);
                console.flush();
            }
        };
    }
}
