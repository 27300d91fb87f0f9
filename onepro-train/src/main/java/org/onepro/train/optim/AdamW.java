package org.onepro.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

import org.onepro.model.internal.nn.Scalars;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (decoupled weight decay) whose moment estimates the project owns, so a checkpoint can save
 * and restore them exactly (DJL's optimisers keep their state out of reach, docs/engine-notes.md §4.3).
 * State arrays live in a manager of their own, created on the first step.
 */
public final class AdamW implements AutoCloseable {

    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final NDManager manager;
    private final Map<String, NDArray[]> moments = new LinkedHashMap<>();
    private long step;

    /**
     * @param parent manager whose child will hold the optimiser state
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param epsilon denominator guard
     * @param weightDecay decoupled weight decay per unit learning rate
     */
    public AdamW(NDManager parent, float beta1, float beta2, float epsilon, float weightDecay) {
        this.manager = parent.newSubManager();
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    /** AdamW with the usual defaults (0.9, 0.999, 1e-8) and the given weight decay. */
    public static AdamW withDefaults(NDManager parent, float weightDecay) {
        return new AdamW(parent, 0.9f, 0.999f, 1e-8f, weightDecay);
    }

    /** Number of updates applied so far. */
    public long stepCount() {
        return step;
    }

    /**
     * Applies one update to every trainable parameter from its current gradient, at learning rate
     * {@code lr}. Gradients are read, not cleared.
     */
    public void update(PairList<String, Parameter> parameters, float lr) {
        step++;
        float correction1 = (float) (1 - Math.pow(beta1, step));
        float correction2 = (float) (1 - Math.pow(beta2, step));
        float stepSize = (float) (lr * Math.sqrt(correction2) / correction1);
        for (Pair<String, Parameter> p : parameters) {
            if (!p.getValue().requiresGradient()) {
                continue;
            }
            NDArray weight = p.getValue().getArray();
            try (NDArray grad = weight.getGradient()) {
                NDArray[] mv = moments.computeIfAbsent(p.getKey(), k -> new NDArray[] {
                    manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice()),
                    manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice())
                });
                // Every intermediate lands in scratch: its inputs are attached there for this step.
                try (NDManager scratch = manager.newSubManager()) {
                    for (NDArray a : new NDArray[] {weight, grad, mv[0], mv[1]}) {
                        a.tempAttach(scratch);
                    }
                    mv[0].muli(Scalars.of(mv[0], beta1)).addi(Scalars.mul(grad, 1 - beta1));
                    mv[1].muli(Scalars.of(mv[1], beta2)).addi(Scalars.mul(grad.square(), 1 - beta2));
                    NDArray update = Scalars.mul(mv[0].div(mv[1].sqrt().add(epsilon)), stepSize);
                    if (weightDecay > 0) {
                        weight.muli(Scalars.of(weight, 1 - lr * weightDecay));
                    }
                    weight.subi(update);
                }
            }
        }
    }

    /** The state as named arrays (for checkpoints): {@code m/NAME}, {@code v/NAME}. */
    public NDList state() {
        NDList list = new NDList();
        for (Map.Entry<String, NDArray[]> e : moments.entrySet()) {
            e.getValue()[0].setName("m/" + e.getKey());
            e.getValue()[1].setName("v/" + e.getKey());
            list.add(e.getValue()[0]);
            list.add(e.getValue()[1]);
        }
        return list;
    }

    /**
     * Restores a state saved by {@link #state()} after {@code steps} updates, so the next update is exactly the one
     * the saved optimiser would have made.
     *
     * @throws IllegalArgumentException if an array is not named {@code m/NAME} or {@code v/NAME}, or a name has
     *                                  only one of the two moments
     */
    public void restore(NDList state, long steps) {
        Map<String, NDArray[]> restored = new LinkedHashMap<>();
        for (NDArray a : state) {
            String name = a.getName();
            if (name == null || !(name.startsWith("m/") || name.startsWith("v/"))) {
                throw new IllegalArgumentException("optimiser state array '" + name + "' is not named m/... or v/...");
            }
            NDArray copy = a.duplicate();
            copy.attach(manager);
            restored.computeIfAbsent(name.substring(2), k -> new NDArray[2])[name.startsWith("m/") ? 0 : 1] = copy;
        }
        for (Map.Entry<String, NDArray[]> e : restored.entrySet()) {
            if (e.getValue()[0] == null || e.getValue()[1] == null) {
                throw new IllegalArgumentException("optimiser state lacks a moment of parameter " + e.getKey());
            }
        }
        moments.values().forEach(mv -> {
            mv[0].close();
            mv[1].close();
        });
        moments.clear();
        moments.putAll(restored);
        step = steps;
    }

    @Override
    public void close() {
        manager.close();
    }
}
