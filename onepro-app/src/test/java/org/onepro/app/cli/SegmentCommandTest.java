package org.onepro.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.metric.SegmentationMetrics;
import org.onepro.data.io.ImageFiles;
import org.onepro.core.volume.NiftiIO;
import org.onepro.core.volume.Volume;
import org.onepro.dicom.DicomTestFiles;
import org.onepro.app.cli.OneProCliTest.Run;

class SegmentCommandTest {

    private static Run run(String... args) {
        return OneProCliTest.run(args);
    }

    @Test
    void writesAMaskOfEachQuerysSizeWithOverlayAndProbabilities(@TempDir Path dir) throws Exception {
        Path t = TestFiles.image(dir.resolve("t.png"), TestFiles.disc(40, 30, 20, 15, 6));
        Path q1 = TestFiles.image(dir.resolve("q1.png"), TestFiles.disc(36, 28, 12, 10, 5));
        Path q2 = TestFiles.image(dir.resolve("q2.png"), TestFiles.disc(24, 50, 12, 30, 7));
        Path out = dir.resolve("out");
        Run r = run("segment", "--preset", "tiny", "--template", t.toString(), "--prompt", "click:20,15",
                "--query", q1.toString(), q2.toString(), "--out", out.toString(), "--overlay", "--probabilities");
        assertEquals(0, r.exit(), r.err());
        Mask m1 = Mask.read(out.resolve("q1_mask.png"));
        assertEquals(28, m1.height());
        assertEquals(36, m1.width());
        Mask m2 = Mask.read(out.resolve("q2_mask.png"));
        assertEquals(50, m2.height());
        assertEquals(24, m2.width());
        Image overlay = ImageFiles.readImage(out.resolve("q1_overlay.png"));
        assertEquals(3, overlay.channels());
        assertEquals(28, overlay.height());
        assertEquals(36, ImageFiles.readImage(out.resolve("q1_prob.png")).width());
        assertFalse(Files.exists(out.resolve("q1_var.png")), "a single template has no variance map");
        assertTrue(r.out().contains("q2.png: 24x50"), r.out());
    }

    @Test
    void aLaterQueryThatFailsSaysWhichOutputsWereAlreadyWritten(@TempDir Path dir) throws Exception {
        Path t = TestFiles.image(dir.resolve("t.png"), TestFiles.disc(40, 30, 20, 15, 6));
        Path q1 = TestFiles.image(dir.resolve("q1.png"), TestFiles.disc(36, 28, 12, 10, 5));
        Path broken = Files.write(dir.resolve("q2.png"), new byte[] {1, 2, 3});
        Path out = dir.resolve("out");
        Run r = run("segment", "--preset", "tiny", "--template", t.toString(), "--prompt", "click:20,15",
                "--query", q1.toString(), broken.toString(), "--out", out.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("q2.png") && r.err().contains("the outputs of the query before it (" + q1
                + ") were written"), r.err());
        assertTrue(Files.exists(out.resolve("q1_mask.png")));
    }

    @Test
    void adaptationFitsTheModelToOneMaskedTemplateFirst(@TempDir Path dir) {
        Path t = TestFiles.image(dir.resolve("t.png"), TestFiles.disc(40, 30, 20, 15, 6));
        Path mask = TestFiles.mask(dir.resolve("t_mask.png"), TestFiles.disc(40, 30, 20, 15, 6));
        Path q = TestFiles.image(dir.resolve("q.png"), TestFiles.disc(36, 28, 12, 10, 5));
        Path out = dir.resolve("out");
        Run r = run("segment", "--preset", "tiny", "--template", t.toString(), "--prompt", "seglab:" + mask,
                "--query", q.toString(), "--out", out.toString(), "--adapt", "3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("adapted the model to the template in"), r.out());
        assertEquals(28, Mask.read(out.resolve("q_mask.png")).height());
        Run click = run("segment", "--preset", "tiny", "--template", t.toString(), "--prompt", "click:20,15",
                "--query", q.toString(), "--out", dir.resolve("out2").toString(), "--adapt", "3");
        assertEquals(1, click.exit(), click.out());
        assertTrue(click.err().contains("needs a SegLab prompt"), click.err());
        Run two = run("segment", "--preset", "tiny", "--template", t.toString(), "--prompt", "seglab:" + mask,
                "--template", t.toString(), "--prompt", "seglab:" + mask, "--query", q.toString(), "--adapt", "3");
        assertEquals(2, two.exit(), two.err());
        assertTrue(two.err().contains("one --template"), two.err());
        Run fused = run("segment", "--preset", "tiny", "--template", t.toString(), "--prompt", "seglab:" + mask,
                "--query", q.toString(), "--out", dir.resolve("fused").toString(), "--adapt", "3",
                "--fuse-classifier");
        assertEquals(0, fused.exit(), fused.err());
        assertTrue(fused.out().contains("fitted the pixel classifier to the template in"), fused.out());
        // The classifier finds the bright disc; an untrained tiny model after three steps does not on its own.
        Mask truth = TestFiles.disc(36, 28, 12, 10, 5);
        double dice = SegmentationMetrics.dice(Mask.read(dir.resolve("fused").resolve("q_mask.png")), truth);
        assertTrue(dice > 0.8, "Dice " + dice);
        Run noAdapt = run("segment", "--preset", "tiny", "--template", t.toString(), "--prompt", "seglab:" + mask,
                "--query", q.toString(), "--fuse-classifier");
        assertEquals(2, noAdapt.exit(), noAdapt.err());
        assertTrue(noAdapt.err().contains("add --adapt"), noAdapt.err());
    }

    @Test
    void severalTemplatesAreEnsembledWithAVarianceMap(@TempDir Path dir) {
        Path t1 = TestFiles.image(dir.resolve("t1.png"), TestFiles.disc(40, 30, 20, 15, 6));
        Path t2 = TestFiles.image(dir.resolve("t2.png"), TestFiles.disc(32, 32, 10, 12, 5));
        Path q = TestFiles.image(dir.resolve("q.png"), TestFiles.disc(36, 28, 12, 10, 5));
        Path out = dir.resolve("out");
        Run r = run("segment", "--preset", "tiny", "--template", t1.toString(), "--prompt", "bbox:13,8,27,22",
                "--template", t2.toString(), "--prompt", "click:10,12", "--query", q.toString(),
                "--out", out.toString(), "--probabilities");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("2 template(s)"), r.out());
        assertEquals(28, Mask.read(out.resolve("q_mask.png")).height());
        assertEquals(36, ImageFiles.readImage(out.resolve("q_var.png")).width());
    }

    @Test
    void aVolumeIsSegmentedSliceBySliceWithItsGeometry(@TempDir Path dir) {
        int nx = 20;
        int ny = 16;
        int nz = 3;
        float[] v = new float[nx * ny * nz];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 37 % 101) / 101f;
        }
        double[] affine = {0.8, 0, 0, -10, 0, 0.8, 0, 5, 0, 0, 2.5, 30, 0, 0, 0, 1};
        Volume volume = new Volume(nx, ny, nz, v, affine, new double[] {0.8, 0.8, 2.5}, 16);
        Path file = dir.resolve("scan.nii.gz");
        NiftiIO.write(volume, file);
        Path t = TestFiles.image(dir.resolve("slice.png"), TestFiles.disc(nx, ny, 10, 8, 4));
        Path out = dir.resolve("out");
        Run r = run("segment", "--preset", "tiny", "--template", t.toString(), "--prompt", "click:10,8",
                "--query", file.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("slice 3/3"), r.out());
        Volume mask = NiftiIO.read(out.resolve("scan_mask.nii.gz"));
        assertEquals(nx, mask.nx());
        assertEquals(ny, mask.ny());
        assertEquals(nz, mask.nz());
        assertArrayEquals(volume.affine(), mask.affine(), 1e-6);
        assertArrayEquals(volume.spacing(), mask.spacing(), 1e-6);
        for (float x : mask.data()) {
            assertTrue(x == 0f || x == 1f, "labels are 0 or 1, got " + x);
        }
    }

    @Test
    void aDicomSeriesNamedAgainstItsZOrderGivesAMaskInZOrderWithTheSeriesGeometry(@TempDir Path dir) {
        // Five CT slices 3 mm apart whose disc moves right with z; file ct-5.dcm holds the lowest slice.
        int size = 64;
        int[] centres = {16, 24, 32, 40, 48};
        Path series = dir.resolve("series");
        DicomTestFiles files = new DicomTestFiles().size(size, size).pixelSpacing(0.7, 0.7).rescale(1, -1024);
        for (int k = 0; k < centres.length; k++) {
            Mask disc = TestFiles.disc(size, size, centres[k], 32, 8);
            short[] stored = new short[size * size];
            for (int i = 0; i < stored.length; i++) {
                // Soft tissue at 76 HU on air at -1000 HU.
                stored[i] = (short) (disc.get(i / size, i % size) ? 1100 : 24);
            }
            files.position(-22, -22, 100 + 3 * k).write(series.resolve("ct-" + (5 - k) + ".dcm"), stored);
        }
        Mask middle = TestFiles.disc(size, size, 32, 32, 8);
        Path t = TestFiles.image(dir.resolve("slice.png"), middle);
        Path m = TestFiles.mask(dir.resolve("slice_mask.png"), middle);
        Path out = dir.resolve("out");
        Run r = run("segment", "--template", t.toString(), "--prompt", "seglab:" + m, "--query", series.toString(),
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        Volume mask = NiftiIO.read(out.resolve("series_mask.nii.gz"));
        assertEquals(5, mask.nz());
        assertArrayEquals(new double[] {0.7, 0.7, 3}, mask.spacing(), 1e-5);
        assertArrayEquals(new double[] {-0.7, 0, 0, 22, 0, -0.7, 0, 22, 0, 0, 3, 100, 0, 0, 0, 1}, mask.affine(),
                1e-5);
        for (int z = 0; z < 5; z++) {
            int area = 0;
            double sumX = 0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (mask.get(x, y, z) > 0) {
                        area++;
                        sumX += x;
                    }
                }
            }
            double truth = Math.PI * 8 * 8;
            assertTrue(Math.abs(area - truth) < 0.35 * truth, "slice " + z + ": " + area + " voxels, disc " + truth);
            assertEquals(centres[z], sumX / area, 2.0, "slice " + z + " holds the disc of its z position");
        }
    }

    @Test
    void aVolumeOverTheVoxelBudgetIsRefusedFromItsHeaderBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        // A NIfTI-1 header promising 1000 x 1000 x 900 uint8 voxels, followed by almost no data.
        ByteBuffer h = ByteBuffer.allocate(352 + 16).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, 348).putShort(40, (short) 3).putShort(42, (short) 1000).putShort(44, (short) 1000)
                .putShort(46, (short) 900).putShort(70, (short) 2).putShort(72, (short) 8).putFloat(108, 352f);
        h.put(344, "n+1\0".getBytes(StandardCharsets.US_ASCII));
        Path huge = Files.write(dir.resolve("huge.nii"), h.array());
        Path t = TestFiles.image(dir.resolve("t.png"), TestFiles.disc(40, 30, 20, 15, 6));
        Path out = dir.resolve("o");
        Run r = run("segment", "--template", t.toString(), "--prompt", "click:20,15", "--query", huge.toString(),
                "--out", out.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("error: " + huge + " is 1000 x 1000 x 900 = 900,000,000 voxels, over the limit"),
                r.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void aCompressedDicomQueryIsOneErrorNamingItsTransferSyntax(@TempDir Path dir) {
        Path t = TestFiles.image(dir.resolve("t.png"), TestFiles.disc(40, 30, 20, 15, 6));
        Path jpeg = new DicomTestFiles().transferSyntax(DicomTestFiles.JPEG_LOSSLESS)
                .write(dir.resolve("scan").resolve("img1.dcm"), new short[64]);
        Run r = run("segment", "--preset", "tiny", "--template", t.toString(), "--prompt", "click:20,15", "--query",
                jpeg.getParent().toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("img1.dcm")
                && r.err().contains("JPEG Lossless"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void usageErrorsExitWith2AndSayWhy(@TempDir Path dir) {
        Path t = TestFiles.image(dir.resolve("t.png"), TestFiles.disc(40, 30, 20, 15, 6));
        Run badSpec = run("segment", "--preset", "tiny", "--template", t.toString(), "--prompt", "click:1,x",
                "--query", t.toString());
        assertEquals(2, badSpec.exit());
        assertTrue(badSpec.err().contains("--prompt") && badSpec.err().contains("click y 'x' is not a number"),
                badSpec.err());
        Run pairs = run("segment", "--preset", "tiny", "--template", t.toString(), "--template", t.toString(),
                "--prompt", "click:1,1", "--query", t.toString());
        assertEquals(2, pairs.exit());
        assertTrue(pairs.err().contains("got 2 template(s) and 1 prompt(s)"), pairs.err());
        Run noQuery = run("segment", "--preset", "tiny", "--template", t.toString(), "--prompt", "click:1,1");
        assertEquals(2, noQuery.exit());
        assertTrue(noQuery.err().contains("--query"), noQuery.err());
        Run axis = run("segment", "--preset", "tiny", "--template", t.toString(), "--prompt", "click:1,1",
                "--query", t.toString(), "--axis", "3");
        assertEquals(2, axis.exit());
        assertTrue(axis.err().contains("--axis"), axis.err());
    }

    @Test
    void unreadableFilesAndBadPromptsAreRuntimeErrorsNamingTheProblem(@TempDir Path dir) throws Exception {
        Path t = TestFiles.image(dir.resolve("t.png"), TestFiles.disc(40, 30, 20, 15, 6));
        Path missing = dir.resolve("nope.png");
        Run noFile = run("segment", "--preset", "tiny", "--template", t.toString(), "--prompt", "click:1,1",
                "--query", missing.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, noFile.exit());
        assertTrue(noFile.err().startsWith("error: query file " + missing), noFile.err());
        Path corrupt = Files.writeString(dir.resolve("corrupt.png"), "not a png");
        Run bad = run("segment", "--preset", "tiny", "--template", corrupt.toString(), "--prompt", "click:1,1",
                "--query", t.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().startsWith("error: ") && bad.err().contains("corrupt.png"), bad.err());
        Run outside = run("segment", "--preset", "tiny", "--template", t.toString(), "--prompt", "click:45,3",
                "--query", t.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, outside.exit());
        assertTrue(outside.err().contains("click:45,3") && outside.err().contains("outside"), outside.err());
        Path other = Files.createDirectories(dir.resolve("b")).resolve("t.png");
        Files.copy(t, other);
        Run clash = run("segment", "--preset", "tiny", "--template", t.toString(), "--prompt", "click:1,1",
                "--query", t.toString(), other.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, clash.exit());
        assertTrue(clash.err().contains("would write the same output files"), clash.err());
        Run volumeTemplate = run("segment", "--preset", "tiny", "--template", Files.writeString(
                dir.resolve("v.nii.gz"), "x").toString(), "--prompt", "click:1,1", "--query", t.toString());
        assertEquals(1, volumeTemplate.exit());
        assertTrue(volumeTemplate.err().contains("is a volume; give a 2-D image"), volumeTemplate.err());
        assertFalse(Files.exists(dir.resolve("o")), "nothing is written when an input fails");
    }

    @Test
    void withoutAModelOptionTheBundledModelIsUsedOrTheErrorSaysWhatToPass(@TempDir Path dir) {
        Path t = TestFiles.image(dir.resolve("t.png"), TestFiles.disc(40, 30, 20, 15, 6));
        Run r = run("segment", "--template", t.toString(), "--prompt", "click:20,15", "--query", t.toString(),
                "--out", dir.resolve("o").toString());
        if (BundledModelCheck.loadable()) {
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("bundled model onepro-small"), r.out());
            assertEquals(30, Mask.read(dir.resolve("o").resolve("t_mask.png")).height());
        } else {
            assertEquals(1, r.exit());
            assertTrue(r.err().contains("onepro-small could not be loaded") && r.err().contains("--preset tiny"),
                    r.err());
        }
    }

    @Test
    void helpListsThePromptForms() {
        Run help = run("segment", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("click:x,y[,fg|bg]") && help.out().contains("seglab:MASK"), help.out());
        for (String command : new String[] {"everything", "evaluate", "compare", "demo"}) {
            Run h = run(command, "--help");
            assertEquals(0, h.exit(), command);
            assertTrue(h.out().startsWith("Usage: onepro " + command), h.out());
        }
    }
}
