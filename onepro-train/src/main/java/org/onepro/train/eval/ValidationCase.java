package org.onepro.train.eval;

import java.util.List;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptType;

/**
 * One fixed validation measurement: a template with a prompt, its negative control and the queries to segment.
 * Fixed once per run, so validation numbers are comparable between steps and between runs with the same seed.
 *
 * @param task       the task
 * @param label      the target label
 * @param type       the prompt type
 * @param templateId the template sample (from the task's template split)
 * @param prompt     the Oracle prompt on the template's target
 * @param control    the same prompt type placed on the template's background (quality WRONG)
 * @param queryIds   the query samples (from the task's val split), each holding the label
 */
public record ValidationCase(String task, int label, PromptType type, String templateId, Prompt prompt,
        Prompt control, List<String> queryIds) {}
