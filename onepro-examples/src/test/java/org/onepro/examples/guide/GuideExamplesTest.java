package org.onepro.examples.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.data.dataset.DemoData;
import org.onepro.data.io.ImageFiles;
import org.onepro.core.volume.NiftiIO;
import org.onepro.core.volume.Volume;

/** The README's Java examples run on the bundled model and demo data and write what they promise. */
class GuideExamplesTest {

    @TempDir
    Path tmp;

    @Test
    void onePromptSegmentationWritesAMaskOfEveryQuerysSize() throws IOException {
        Path task = DemoData.locate().resolve("nuclei_fluorescence");
        OnePromptSegmentation.main(new String[] {task.toString(), tmp.toString()});

        List<Path> images = OnePromptSegmentation.imagesOf(task);
        for (Path query : images.subList(1, images.size())) {
            Mask mask = Mask.read(tmp.resolve(query.getFileName()));
            Image image = Image.read(query);
            assertEquals(image.height(), mask.height());
            assertEquals(image.width(), mask.width());
        }
        assertTrue(Files.notExists(tmp.resolve(images.get(0).getFileName())), "the template is not a query");
    }

    @Test
    void templateEnsembleWritesItsMaskAndVarianceAtTheQuerysSize() throws IOException {
        Path task = DemoData.locate().resolve("ultrasound_peripheral_nerve");
        TemplateEnsemble.main(new String[] {task.toString(), "3", tmp.toString()});

        List<Path> images = OnePromptSegmentation.imagesOf(task);
        Image query = Image.read(images.get(images.size() - 1));
        Mask mask = Mask.read(tmp.resolve("mask.png"));
        Image variance = ImageFiles.readImage(tmp.resolve("variance.png"));
        assertEquals(query.height(), mask.height());
        assertEquals(query.width(), variance.width());
    }

    @Test
    void volumeExampleKeepsTheVolumesGeometryAndLabelsOnlyZeroAndOne() throws IOException {
        VolumeSegmentationExample.main(new String[] {tmp.toString()});

        Volume ct = NiftiIO.read(tmp.resolve("ct.nii.gz"));
        Volume labels = NiftiIO.read(tmp.resolve("labels.nii.gz"));
        assertEquals(Arrays.asList(ct.nx(), ct.ny(), ct.nz()), Arrays.asList(labels.nx(), labels.ny(), labels.nz()));
        assertTrue(Arrays.equals(ct.affine(), labels.affine()));
        float sum = 0;
        for (float v : labels.data()) {
            assertTrue(v == 0f || v == 1f, "label " + v);
            sum += v;
        }
        assertTrue(sum > 0, "the spleen boxed on the template slice is found somewhere in the volume");
    }

    @Test
    void trainOnYourDataFineTunesTheBundledModelIntoALoadableFolder() throws IOException {
        Path out = tmp.resolve("run");
        TrainOnYourData.main(new String[] {DemoData.locate().toString(), "2", out.toString()});

        assertTrue(Files.isRegularFile(out.resolve("model").resolve("weights.npz")));
        assertEquals(3, Files.readAllLines(out.resolve("steps.csv")).size(), "a header and one row per step");
    }
}
