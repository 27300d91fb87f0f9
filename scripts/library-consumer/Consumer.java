import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.metric.SegmentationMetrics;
import org.onepro.core.prompt.SegLab;
import org.onepro.model.segment.Segmenter;

/**
 * What a user of the library writes: the bundled model, one template with its mask, the task's other images
 * segmented. Prints the mean Dice and fails below 0.5 (the bundled model scores about 0.8 on the demo tasks).
 * Run by scripts/check-library-consumer with only onepro-model's dependencies on the class path.
 */
public class Consumer {

    public static void main(String[] args) throws Exception {
        Path task = Path.of(args[0]);
        List<Path> images;
        try (Stream<Path> files = Files.list(task.resolve("images"))) {
            images = files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
        Path template = images.get(0);
        double sum = 0;
        int n = 0;
        try (Segmenter segmenter = Segmenter.pretrained()) {
            SegLab prompt = SegLab.of(Mask.read(task.resolve("masks").resolve(template.getFileName())));
            for (Path query : images.subList(1, Math.min(images.size(), 6))) {
                Mask truth = Mask.read(task.resolve("masks").resolve(query.getFileName()));
                Mask predicted = segmenter.segment(Image.read(query), Image.read(template), prompt).mask();
                sum += SegmentationMetrics.dice(predicted, truth);
                n++;
            }
        }
        double mean = sum / n;
        System.out.printf("library consumer: %s, %d queries from one SegLab template, mean Dice %.4f%n",
                task.getFileName(), n, mean);
        if (mean < 0.5) {
            System.err.println("error: the bundled model scored below 0.5 through the library alone");
            System.exit(1);
        }
    }
}
