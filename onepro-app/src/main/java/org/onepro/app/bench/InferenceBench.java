package org.onepro.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.PromptedTemplate;
import org.onepro.core.prompt.SegLab;
import org.onepro.core.volume.Volume;
import org.onepro.data.dataset.DemoData;
import org.onepro.model.bundled.BundledModels;
import org.onepro.model.everything.SegmentEverything;
import org.onepro.model.segment.PreparedEnsemble;
import org.onepro.model.segment.Segmenter;
import org.onepro.model.volume.VolumeSegmentation;

/**
 * Times the inference features on a trained model and the demo CT slices (256x256): a template ensemble of R
 * templates (one call, and per query once prepared) against R separate {@code segment} calls, segment-everything
 * with its default 32x32 grid, and a volume segmented slice by slice. Usage:
 * {@code InferenceBench [repeats=3] [volumeSlices=64] [model=onepro-small]}, the model a bundled name or a saved
 * model folder (to compare two models' speed on the same code); prints medians of warm runs.
 */
public final class InferenceBench {

    /**
     * Untimed runs before each ensemble timing: a chunk of a new batch size (the 2 left over from R = 10 in
     * chunks of 8) stays 2x slow for its first two or three calls while libtorch and the allocator settle.
     */
    private static final int ENSEMBLE_WARMUP = 3;

    private InferenceBench() {
    }

    /**
     * Entry point.
     *
     * @param args optional repeats, volume slice count and model (bundled name or folder)
     * @throws IOException if the model or the demo images cannot be read
     */
    public static void main(String[] args) throws IOException {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int volumeSlices = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        String model = args.length > 2 ? args[2] : "onepro-small";
        Path task = DemoData.locate().resolve("ct_abdomen_spleen");
        List<Path> files;
        try (Stream<Path> s = Files.list(task.resolve("images"))) {
            files = s.sorted().toList();
        }
        List<PromptedTemplate> pool = new ArrayList<>();
        for (Path f : files.subList(1, files.size())) {
            Mask m = Mask.read(task.resolve("masks").resolve(f.getFileName()));
            pool.add(PromptedTemplate.of(Image.read(f), SegLab.of(m)));
        }
        Image query = Image.read(files.get(0));
        try (Segmenter segmenter = BundledModels.contains(model) ? Segmenter.pretrained(model)
                : Segmenter.load(Path.of(model))) {
            segmenter.segment(query, pool.get(0).template(), pool.get(0).prompt());
            for (int r : new int[] {1, 10, 50}) {
                List<PromptedTemplate> templates = new ArrayList<>(r);
                for (int i = 0; i < r; i++) {
                    templates.add(pool.get(i % pool.size()));
                }
                double ensemble = median(repeats, ENSEMBLE_WARMUP, () -> segmenter.segment(query, templates));
                double prepared;
                try (PreparedEnsemble p = segmenter.prepare(templates)) {
                    prepared = median(repeats, ENSEMBLE_WARMUP, () -> p.segment(query));
                }
                double separate = median(repeats, ENSEMBLE_WARMUP, () -> {
                    templates.forEach(t -> segmenter.segment(query, t.template(), t.prompt()));
                    return null;
                });
                System.out.printf(Locale.ROOT, "R=%d: ensemble call %.0f ms, prepared ensemble %.0f ms per query,"
                        + " %d separate segment calls %.0f ms (%.1fx and %.1fx faster)%n", r, ensemble * 1e3,
                        prepared * 1e3, r, separate * 1e3, separate / ensemble, separate / prepared);
            }
            SegmentEverything everything = SegmentEverything.builder().build();
            int[] kept = new int[1];
            double all = median(repeats, 1, () -> kept[0] = everything.run(segmenter, query).size());
            System.out.printf(Locale.ROOT, "segment everything (%s): %.2f s per image, %d masks kept%n", everything,
                    all, kept[0]);
            Volume volume = volume(query, volumeSlices);
            double seconds = median(repeats, 1, () -> VolumeSegmentation.segment(segmenter, volume, 2, query,
                    pool.get(0).prompt(), null));
            System.out.printf(Locale.ROOT, "volume %dx%dx%d: %.2f s, %.1f slices/s%n", volume.nx(), volume.ny(),
                    volume.nz(), seconds, volumeSlices / seconds);
        }
    }

    /** The median of {@code repeats} timed runs after {@code warmup} untimed ones. */
    private static double median(int repeats, int warmup, Supplier<?> work) {
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            work.get();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        return t[repeats / 2];
    }

    /** {@code slices} copies of a grey image as an axial volume. */
    private static Volume volume(Image slice, int slices) {
        int plane = slice.height() * slice.width();
        float[] data = new float[plane * slices];
        for (int z = 0; z < slices; z++) {
            System.arraycopy(slice.channel(0), 0, data, z * plane, plane);
        }
        double[] identity = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
        return new Volume(slice.width(), slice.height(), slices, data, identity, new double[] {1, 1, 1}, 16);
    }
}
