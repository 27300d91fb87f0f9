package org.onepro.train.adapt;

import org.onepro.core.error.InvalidInputException;

/**
 * How {@link TemplateAdapter} fine-tunes a model on one template.
 *
 * @param steps        optimiser steps, at least 1; each costs about 1.3 s at batch 4 for the small preset on two
 *                     cores ({@code docs/benchmarks.md})
 * @param batchSize    episodes per step, at least 1
 * @param learningRate AdamW's learning rate, constant over the steps
 * @param seed         the seed of the episodes' augmentation and prompts; equal seeds adapt equally
 */
public record AdaptationSettings(int steps, int batchSize, double learningRate, long seed) {

    /** Steps of {@link #defaults()}, chosen on held-out fold A ({@code docs/design-decisions.md}). */
    public static final int DEFAULT_STEPS = 30;

    /** Checks the settings; all problems are reported together. */
    public AdaptationSettings {
        StringBuilder problems = new StringBuilder();
        if (steps < 1) {
            problems.append(" steps must be at least 1, got ").append(steps).append(';');
        }
        if (batchSize < 1) {
            problems.append(" batchSize must be at least 1, got ").append(batchSize).append(';');
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            problems.append(" learningRate must be a positive number, got ").append(learningRate).append(';');
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("bad adaptation settings:" + problems.substring(0, problems.length() - 1));
        }
    }

    /** {@value #DEFAULT_STEPS} steps of 4 episodes at learning rate 1e-4, seed 0. */
    public static AdaptationSettings defaults() {
        return new AdaptationSettings(DEFAULT_STEPS, 4, 1e-4, 0);
    }

    /** These settings with another step count. */
    public AdaptationSettings withSteps(int newSteps) {
        return new AdaptationSettings(newSteps, batchSize, learningRate, seed);
    }

    /** These settings with another seed. */
    public AdaptationSettings withSeed(long newSeed) {
        return new AdaptationSettings(steps, batchSize, learningRate, newSeed);
    }
}
