package org.onepro.app.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.mask.ProbabilityMap;
import org.onepro.core.metric.SegmentationMetrics;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptedTemplate;
import org.onepro.core.result.EnsembleResult;
import org.onepro.core.result.SegmentationResult;
import org.onepro.core.volume.NiftiIO;
import org.onepro.core.volume.Volume;
import org.onepro.data.dataset.LabelMap;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.io.ImageFiles;
import org.onepro.data.prompt.PromptJson;
import org.onepro.data.prompt.PromptRecord;
import org.onepro.data.volume.VolumeFolderTask;
import org.onepro.dicom.VolumeFiles;
import org.onepro.model.segment.InteractiveSession;
import org.onepro.model.segment.PreparedEnsemble;
import org.onepro.model.segment.PreparedTemplate;
import org.onepro.model.segment.Segmenter;
import org.onepro.model.volume.VolumeSegmentation;

/**
 * What the page can ask, as JSON in and JSON out, independent of HTTP: the task list, interactive segmentation of
 * a prompted template, applying one or several prompted templates to a task's other images (with Dice where
 * there is ground truth and a variance map for several templates), saving the prompt as JSON records beside the
 * data, and exporting masks.
 */
final class SegmentationApi {

    /** The most templates one apply or export may ensemble. */
    static final int MAX_TEMPLATES = 64;


    /** The most query images one apply request segments. */
    static final int MAX_APPLY = 200;
    /** Saved prompts of a task: {@code <task>/prompts/prompts.json}. */
    static final String PROMPT_FOLDER = "prompts";
    static final String PROMPT_FILE = "prompts.json";
    /** Exported masks of a task: {@code <task>/onepro-masks/}. */
    static final String EXPORT_FOLDER = "onepro-masks";

    private final Segmenter segmenter;
    private final Workspace workspace;
    private final String modelName;
    private final Object saveLock = new Object();

    SegmentationApi(Segmenter segmenter, Workspace workspace, String modelName) {
        this.segmenter = segmenter;
        this.workspace = workspace;
        this.modelName = modelName;
    }

    Workspace workspace() {
        return workspace;
    }

    JsonObject tasks() {
        JsonObject out = new JsonObject();
        out.addProperty("model", modelName);
        out.add("data", workspace.root().map(p -> (JsonElement) new JsonPrimitive(p.toString()))
                .orElse(JsonNull.INSTANCE));
        JsonArray tasks = new JsonArray();
        for (TaskDataset t : workspace.tasks()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", t.name());
            o.addProperty("volume", t instanceof VolumeFolderTask);
            o.add("ids", strings(t.ids()));
            tasks.add(o);
        }
        out.add("tasks", tasks);
        out.add("uploads", strings(workspace.uploads().ids()));
        return out;
    }

    byte[] image(String task, String id) {
        return Pictures.display(workspace.sample(task, id).image());
    }

    JsonObject upload(String fileName, byte[] bytes) {
        String id = workspace.uploads().add(fileName, bytes);
        Image image = workspace.uploads().get(id);
        JsonObject out = new JsonObject();
        out.addProperty("task", Workspace.UPLOADS);
        out.addProperty("id", id);
        out.addProperty("width", image.width());
        out.addProperty("height", image.height());
        return out;
    }

    /** Interactive segmentation: the prompted template segmented by its own prompt. */
    JsonObject segment(JsonObject request) {
        Sample s = sample(request);
        Prompt prompt = PromptCodec.decode(request.get("prompt"), s.image().height(), s.image().width());
        long t0 = System.nanoTime();
        SegmentationResult r;
        try (InteractiveSession session = segmenter.interactive(s.image())) {
            r = session.segment(prompt);
        }
        JsonObject out = new JsonObject();
        out.addProperty("width", s.image().width());
        out.addProperty("height", s.image().height());
        out.addProperty("mask", Pictures.maskOverlay(r.mask()));
        out.addProperty("predictedIou", round(r.predictedIou()));
        out.addProperty("millis", (System.nanoTime() - t0) / 1_000_000);
        OptionalInt label = s.truth().map(t -> TargetLabel.of(t, prompt)).orElse(OptionalInt.empty());
        out.add("dice", dice(r.mask(), s.truth(), label));
        return out;
    }

    /** Applies the prompted templates to the task's other images (all of them up to {@link #MAX_APPLY}). */
    JsonObject apply(JsonObject request) {
        String task = string(request, "task");
        List<Template> templates = templates(request, task);
        int limit = request.has("limit") ? Math.max(1, Math.min(MAX_APPLY, whole(request, "limit")))
                : MAX_APPLY;
        Template first = templates.get(0);
        OptionalInt label = first.sample().truth().map(t -> TargetLabel.of(t, first.prompt()))
                .orElse(OptionalInt.empty());
        long t0 = System.nanoTime();
        JsonArray results = new JsonArray();
        double diceSum = 0;
        int diceCount = 0;
        for (QueryResult r : run(task, templates, limit)) {
            JsonObject o = new JsonObject();
            o.addProperty("id", r.query().id());
            o.addProperty("mask", Pictures.maskOverlay(r.mask()));
            if (r.variance() != null) {
                o.addProperty("variance", Pictures.varianceOverlay(r.variance()));
            }
            JsonElement d = dice(r.mask(), r.query().truth(), label);
            o.add("dice", d);
            if (!d.isJsonNull()) {
                diceSum += d.getAsDouble();
                diceCount++;
            }
            results.add(o);
        }
        JsonObject out = new JsonObject();
        out.add("results", results);
        out.addProperty("templates", templates.size());
        out.add("meanDice", diceCount == 0 ? JsonNull.INSTANCE : new JsonPrimitive(round(diceSum / diceCount)));
        out.addProperty("millis", (System.nanoTime() - t0) / 1_000_000);
        return out;
    }

    private record QueryResult(Sample query, Mask mask, ProbabilityMap variance) {
    }

    /** Segments the task's images other than the templates, the first {@code limit} of them. */
    private List<QueryResult> run(String task, List<Template> templates, int limit) {
        Set<String> templateIds = new LinkedHashSet<>();
        templates.forEach(t -> templateIds.add(t.sample().id()));
        List<String> queries = workspace.ids(task).stream().filter(id -> !templateIds.contains(id)).limit(limit)
                .toList();
        if (queries.isEmpty()) {
            throw ApiException.badRequest("task " + task + " has no image besides the template(s) to apply them to");
        }
        Template first = templates.get(0);
        int channels = first.sample().image().channels();
        List<PromptedTemplate> prompted = templates.stream()
                .map(t -> PromptedTemplate.of(t.sample().image(), t.prompt())).toList();
        List<QueryResult> out = new ArrayList<>();
        // The templates are encoded once for all queries; several are ensembled (mean, mask, variance).
        try (PreparedTemplate single = templates.size() == 1
                ? segmenter.prepare(first.sample().image(), first.prompt()) : null;
                PreparedEnsemble ensemble = templates.size() > 1 ? segmenter.prepare(prompted) : null) {
            for (String id : queries) {
                Sample q = workspace.sample(task, id);
                Image image = q.image().withChannels(channels);
                if (single != null) {
                    out.add(new QueryResult(q, single.segment(image).mask(), null));
                } else {
                    EnsembleResult e = ensemble.segment(image);
                    out.add(new QueryResult(q, e.mask(), e.variance()));
                }
            }
        }
        return out;
    }

    /**
     * Saves the prompt of one image as a record of {@code <task>/prompts/prompts.json}, replacing that image's
     * earlier record (SegLab masks go beside it as PNG files).
     */
    JsonObject save(JsonObject request) {
        Sample s = sample(request);
        Prompt prompt = PromptCodec.decode(request.get("prompt"), s.image().height(), s.image().width());
        Path folder = workspace.taskFolder(s.task()).resolve(PROMPT_FOLDER);
        Path file = folder.resolve(PROMPT_FILE);
        synchronized (saveLock) {
            List<PromptRecord> records = new ArrayList<>();
            if (Files.exists(file)) {
                for (PromptRecord r : PromptJson.read(file)) {
                    if (!r.sample().equals(s.id())) {
                        records.add(r);
                    }
                }
            }
            Path maskFile = folder.resolve(Uploads.safeName(s.id()) + "_seglab.png");
            records.add(PromptJson.toRecord(s.task(), s.id(), prompt, maskFile));
            PromptJson.write(records, file);
            JsonObject out = new JsonObject();
            out.addProperty("file", workspace.root().orElseThrow().relativize(file).toString());
            out.addProperty("records", records.size());
            return out;
        }
    }

    /**
     * Segments every other image of the task with the prompted template(s) and writes the masks to
     * {@code <task>/onepro-masks/}: PNGs (0/255) for image tasks, one NIfTI label volume per case for volume tasks.
     */
    JsonObject export(JsonObject request) {
        String task = string(request, "task");
        List<Template> templates = templates(request, task);
        Path folder = workspace.taskFolder(task).resolve(EXPORT_FOLDER);
        TaskDataset dataset = workspace.task(task);
        int files = 0;
        long t0 = System.nanoTime();
        if (dataset instanceof VolumeFolderTask volumes) {
            if (templates.size() != 1) {
                throw ApiException.badRequest("volumes are exported from one prompted template slice; "
                        + templates.size() + " templates were given");
            }
            Template t = templates.get(0);
            Set<Path> cases = new LinkedHashSet<>();
            dataset.ids().forEach(id -> cases.add(volumes.caseImage(id)));
            for (Path caseFile : cases) {
                Volume labels = VolumeSegmentation.segment(segmenter, VolumeFiles.read(caseFile), volumes.axis(),
                        t.sample().image(), t.prompt(), null);
                NiftiIO.write(labels, folder.resolve(VolumeFiles.baseName(caseFile) + "_mask.nii.gz"));
                files++;
            }
        } else {
            for (QueryResult r : run(task, templates, Integer.MAX_VALUE)) {
                ImageFiles.writeMask(r.mask(), folder.resolve(Uploads.safeName(r.query().id()) + ".png"));
                files++;
            }
        }
        JsonObject out = new JsonObject();
        out.addProperty("folder", workspace.root().orElseThrow().relativize(folder).toString());
        out.addProperty("files", files);
        out.addProperty("millis", (System.nanoTime() - t0) / 1_000_000);
        return out;
    }

    private record Template(Sample sample, Prompt prompt) {
    }

    private List<Template> templates(JsonObject request, String task) {
        JsonElement list = request.get("templates");
        if (list == null || !list.isJsonArray() || list.getAsJsonArray().isEmpty()) {
            throw ApiException.badRequest("\"templates\": [{\"id\": ..., \"prompt\": ...}, ...] is required");
        }
        if (list.getAsJsonArray().size() > MAX_TEMPLATES) {
            // Prepared templates keep their Former inputs (a few hundred KB each) for the whole request; batches of
            // Segmenter.ENSEMBLE_BATCH bound the working memory whatever the count (scripts/bench-serve-memory).
            throw ApiException.tooLarge("at most " + MAX_TEMPLATES + " templates per request; "
                    + list.getAsJsonArray().size() + " were sent");
        }
        List<Template> out = new ArrayList<>();
        for (JsonElement e : list.getAsJsonArray()) {
            if (!e.isJsonObject()) {
                throw ApiException.badRequest("each template is {\"id\": ..., \"prompt\": ...}");
            }
            Sample s = workspace.sample(task, string(e.getAsJsonObject(), "id"));
            Prompt p = PromptCodec.decode(e.getAsJsonObject().get("prompt"), s.image().height(), s.image().width());
            if (!out.isEmpty() && s.image().channels() != out.get(0).sample().image().channels()) {
                throw ApiException.badRequest("template " + s.id() + " has " + s.image().channels()
                        + " channels but the first template has " + out.get(0).sample().image().channels());
            }
            out.add(new Template(s, p));
        }
        return out;
    }

    private Sample sample(JsonObject request) {
        return workspace.sample(string(request, "task"), string(request, "id"));
    }

    private static int whole(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw ApiException.badRequest("\"" + field + "\" must be a whole number, not " + e);
        }
        try {
            return e.getAsJsonPrimitive().getAsBigDecimal().intValueExact();
        } catch (ArithmeticException x) {
            throw ApiException.badRequest("\"" + field + "\" must be a whole number, not " + e);
        }
    }

    private static String string(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonPrimitive()) {
            throw ApiException.badRequest("\"" + field + "\" is required");
        }
        return e.getAsString();
    }

    private static JsonElement dice(Mask predicted, Optional<LabelMap> truth, OptionalInt label) {
        if (truth.isEmpty() || label.isEmpty()) {
            return JsonNull.INSTANCE;
        }
        Mask target = truth.get().mask(label.getAsInt());
        if (target.isEmpty() || target.height() != predicted.height() || target.width() != predicted.width()) {
            return JsonNull.INSTANCE;
        }
        return new JsonPrimitive(round(SegmentationMetrics.dice(predicted, target)));
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
