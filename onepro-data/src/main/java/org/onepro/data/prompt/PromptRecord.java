package org.onepro.data.prompt;

import com.google.gson.JsonElement;
import java.util.Objects;

/**
 * One stored prompt in the JSON form the One-Prompt authors released their clinicians' prompts in:
 * {@code {"dataset": ..., "sample": ..., "type": "click"|"bbox"|"doodle"|"seglab", "content": ...}}. The content's
 * layout per type is described in {@link PromptJson}.
 *
 * @param dataset the dataset (task) the sample belongs to
 * @param sample  the sample's id within the dataset
 * @param type    the prompt type name, {@code click}, {@code bbox}, {@code doodle} or {@code seglab}
 * @param content the type-specific content
 */
public record PromptRecord(String dataset, String sample, String type, JsonElement content) {

    /**
     * Rejects missing fields and keeps a private copy of the content (JSON trees are mutable); the type name and
     * content layout are checked by {@link PromptJson}, where a failure can name the record's place in its file.
     *
     * @param dataset the dataset name
     * @param sample  the sample id
     * @param type    the prompt type name
     * @param content the content
     * @throws NullPointerException if any field is null
     */
    public PromptRecord {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(type, "type");
        content = Objects.requireNonNull(content, "content").deepCopy();
    }

    /**
     * Returns a copy of the content, so changing it cannot change this record.
     *
     * @return the type-specific content
     */
    @Override
    public JsonElement content() {
        return content.deepCopy();
    }
}
