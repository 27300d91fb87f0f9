package org.onepro.examples.guide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.mask.ProbabilityMap;
import org.onepro.core.metric.SegmentationMetrics;
import org.onepro.core.prompt.BBox;
import org.onepro.core.volume.NiftiIO;
import org.onepro.core.volume.Volume;
import org.onepro.core.volume.VolumeSlicer;
import org.onepro.data.dataset.DemoData;
import org.onepro.dicom.VolumeFiles;
import org.onepro.model.segment.Segmenter;
import org.onepro.model.volume.VolumeSegmentation;

/**
 * A 3-D volume from one prompted slice: segments a NIfTI volume slice by slice along the axial axis from a box
 * drawn on one template slice, and writes a NIfTI label volume with the input's geometry.
 *
 * <p>{@code scripts/example VolumeSegmentationExample [VOLUME TEMPLATE_SLICE X0,Y0,X1,Y1] [OUT_DIR]}, where VOLUME
 * is a NIfTI file or a DICOM series folder ({@code VolumeFiles} reads either).
 * Without a volume it first stacks the CT slices of {@code data/demo/ct_abdomen_spleen} into one (writing it to
 * the output folder) and boxes the spleen on its first slice, so the Dice of every slice can be printed.
 */
public final class VolumeSegmentationExample {

    private VolumeSegmentationExample() {
    }

    /**
     * Runs the example.
     *
     * @param args optional volume, template slice index and box, then the output folder
     * @throws IOException if the model cannot be loaded or the demo images cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length == 1 || args.length == 4 ? args[args.length - 1] : "target/examples/volume");
        Files.createDirectories(out);
        Volume volume;
        int templateSlice;
        BBox box;
        List<Path> slices = null;
        if (args.length >= 3) {
            volume = VolumeFiles.read(Path.of(args[0]));
            templateSlice = Integer.parseInt(args[1]);
            String[] c = args[2].split(",");
            box = new BBox(Double.parseDouble(c[0]), Double.parseDouble(c[1]), Double.parseDouble(c[2]),
                    Double.parseDouble(c[3]));
        } else {
            slices = OnePromptSegmentation.imagesOf(DemoData.locate().resolve("ct_abdomen_spleen"));
            volume = stack(slices);
            NiftiIO.write(volume, out.resolve("ct.nii.gz"));
            templateSlice = 0;
            int[] b = Mask.read(OnePromptSegmentation.maskOf(slices.get(0))).boundingBox().orElseThrow();
            box = new BBox(b[0], b[1], b[2], b[3]);
            System.out.println("stacked " + slices.size() + " demo CT slices into " + out.resolve("ct.nii.gz"));
        }
        try (Segmenter segmenter = Segmenter.pretrained()) {
            Image template = VolumeSlicer.image(volume, 2, templateSlice);
            Volume labels = VolumeSegmentation.segment(segmenter, volume, 2, template, box,
                    (done, total) -> System.out.printf(Locale.ROOT, "\rslice %d/%d", done, total));
            System.out.println();
            NiftiIO.write(labels, out.resolve("labels.nii.gz"));
            if (slices != null) {
                for (int z = 0; z < slices.size(); z++) {
                    Image slice = VolumeSlicer.image(labels, 2, z);
                    Mask predicted = ProbabilityMap.of(slice.channel(0), slice.height(), slice.width())
                            .threshold(0.5f);
                    System.out.printf(Locale.ROOT, "slice %d dice %.3f%n", z, SegmentationMetrics.dice(predicted,
                            Mask.read(OnePromptSegmentation.maskOf(slices.get(z)))));
                }
            }
        }
        System.out.println("label volume written to " + out.resolve("labels.nii.gz"));
    }

    /** Grey images of one size as the axial slices of a volume with 1 mm voxels. */
    private static Volume stack(List<Path> slices) {
        Image first = Image.read(slices.get(0));
        int h = first.height();
        int w = first.width();
        float[] data = new float[w * h * slices.size()];
        for (int z = 0; z < slices.size(); z++) {
            Image s = Image.read(slices.get(z));
            if (s.height() != h || s.width() != w) {
                throw new IllegalArgumentException(slices.get(z) + " is " + s.width() + "x" + s.height()
                        + ", not " + w + "x" + h + " like the first slice");
            }
            System.arraycopy(s.channel(0), 0, data, z * w * h, w * h);
        }
        double[] identity = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
        return new Volume(w, h, slices.size(), data, identity, new double[] {1, 1, 1}, 16);
    }
}
