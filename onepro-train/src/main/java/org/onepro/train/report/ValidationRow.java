package org.onepro.train.report;

/**
 * One line of {@code validation.csv}: the result of one task and prompt type at one validation point.
 *
 * @param step        the number of completed training steps when validation ran
 * @param task        the task (data set) name
 * @param prompt      the prompt type, for example {@code Click}
 * @param dice        the mean Dice of the prompted target
 * @param controlDice the mean Dice when the prompt is moved onto the background; a model that really follows its
 *                    prompt scores low here, one that ignores the prompt scores as high as {@code dice}
 */
public record ValidationRow(long step, String task, String prompt, double dice, double controlDice) {
}
