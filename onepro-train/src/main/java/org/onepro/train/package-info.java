/**
 * Training: {@link org.onepro.train.TrainMain} runs a {@link org.onepro.train.run.Trainer} from a JSON config. Packages:
 * {@code config} (the run's JSON), {@code batch} (episodes to tensors), {@code loss}, {@code optim} (AdamW with
 * saveable state, schedule, clipping), {@code run} (the stages and the loop), {@code checkpoint} (atomic, exactly
 * resumable), {@code eval} (fixed validation with negative controls), {@code report} (CSV logs, progress, plots).
 */
package org.onepro.train;
