package org.onepro.model.internal.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import org.onepro.model.internal.OnePromptModel;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Starts a model from the weights of a model whose config lacks some extra inputs or blocks (such as {@code
 * pastedPrompt} or {@code refineStage}): every parameter is copied by name; one whose input dimension
 * (dimension 1 of a dense or conv weight) grew gets the old weights in its first inputs and zeros in the new
 * ones; the refinement stage's parameters, when only the new model has the stage, keep their initial values,
 * which end in a zero-initialised output. So the widened model computes exactly what the old one did until
 * training teaches it to use them.
 */
public final class WeightTransfer {

    private WeightTransfer() {}

    // Matched on semantic names (ParameterNames), which do not shift when a block is inserted.
    private static final Pattern REFINE_PARAMETER = Pattern.compile("head\\.refine(In|Mid|Out)\\..*");

    /**
     * Copies {@code from}'s weights into {@code to}, whose parameters must already be initialised.
     *
     * @throws IllegalArgumentException naming the first parameter whose shape differs other than by more inputs
     *     or that the source lacks (other than the refinement stage's, when only {@code to} has that stage), or
     *     the source parameters the target lacks
     */
    public static void widen(OnePromptModel from, OnePromptModel to) {
        boolean addsRefineStage = !from.config().refineStage() && to.config().refineStage();
        Map<String, NDArray> sources = new HashMap<>();
        for (Pair<String, Parameter> p : from.getParameters()) {
            sources.put(ParameterNames.semantic(p.getKey()), p.getValue().getArray());
        }
        for (Pair<String, Parameter> p : to.getParameters()) {
            String name = ParameterNames.semantic(p.getKey());
            NDArray source = sources.remove(name);
            NDArray target = p.getValue().getArray();
            if (source == null) {
                if (addsRefineStage && REFINE_PARAMETER.matcher(name).matches()) {
                    continue;
                }
                throw new IllegalArgumentException("the source model has no parameter " + name);
            }
            Shape have = source.getShape();
            Shape want = target.getShape();
            if (have.equals(want)) {
                target.set(source.toByteBuffer());
            } else if (grownInputs(have, want)) {
                try (NDManager scratch = target.getManager().newSubManager()) {
                    Shape extra = new Shape(want.get(0), want.get(1) - have.get(1))
                            .addAll(want.slice(2));
                    NDArray widened = source.duplicate().toDevice(target.getDevice(), false);
                    widened.attach(scratch);
                    target.set(widened.concat(scratch.zeros(extra, target.getDataType()), 1).toByteBuffer());
                }
            } else {
                throw new IllegalArgumentException("parameter " + name + " has shape " + have
                        + " in the source model but " + want + ", which is not the same with more inputs");
            }
        }
        if (!sources.isEmpty()) {
            throw new IllegalArgumentException("the target model lacks parameters of the source: " + sources.keySet());
        }
    }

    private static boolean grownInputs(Shape have, Shape want) {
        if (have.dimension() != want.dimension() || have.dimension() < 2 || want.get(1) <= have.get(1)) {
            return false;
        }
        for (int i = 0; i < have.dimension(); i++) {
            if (i != 1 && have.get(i) != want.get(i)) {
                return false;
            }
        }
        return true;
    }
}
